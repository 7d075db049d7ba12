/**
 * Array files: NumPy {@code .npy} ({@link org.convkit.api.io.Npy}) and numeric CSV
 * ({@link org.convkit.api.io.Csv}). Readers validate strictly and name the file, field and value in
 * every error ({@link org.convkit.api.io.DataFileException}); writers replace the target atomically
 * ({@link org.convkit.api.io.AtomicFiles}), so a reader never sees a half-written file.
 */
package org.convkit.api.io;
