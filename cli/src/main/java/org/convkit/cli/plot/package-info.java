/**
 * PNG pictures for the command line, drawn with XChart: training curves, confusion matrices,
 * signals before and after filtering, frequency responses, spectrograms, images and volume slices.
 * Every picture is rendered into memory and written atomically ({@link org.convkit.api.io.AtomicFiles}),
 * so a reader sees the previous file or the whole new one. Nothing here prints.
 */
package org.convkit.cli.plot;
