/**
 * Training and evaluation of {@link org.convkit.api.nn.Model}s: labelled in-memory data sets
 * ({@link org.convkit.api.nn.train.Dataset}), the training loop with seeded shuffling, validation,
 * early stopping and per-epoch checkpoints ({@link org.convkit.api.nn.train.Trainer}), seeded
 * augmentation of the training batches ({@link org.convkit.api.nn.train.RandomShift}), progress
 * through a listener ({@link org.convkit.api.nn.train.TrainingListener}; the library never
 * prints), and metrics ({@link org.convkit.api.nn.train.Evaluation},
 * {@link org.convkit.api.nn.train.Evaluator}). Epochs and batches are numbered from 1 in every
 * report, listener call and message.
 */
package org.convkit.api.nn.train;
