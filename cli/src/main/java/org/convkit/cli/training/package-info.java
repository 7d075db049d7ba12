/**
 * What the {@code train}, {@code evaluate}, {@code predict} and {@code demo} commands do, kept out of
 * the command classes so it can be called and tested without a command line: building a network for
 * a domain, training it into a model file that records the domain and its preprocessing, scoring it,
 * predicting files, and the reports (text and JSON) of each and of {@code info FILE}. Nothing here
 * prints; progress goes through a {@link org.convkit.api.nn.train.TrainingListener}.
 */
package org.convkit.cli.training;
