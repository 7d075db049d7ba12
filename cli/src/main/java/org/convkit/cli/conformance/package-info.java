/**
 * Golden conformance: reads the golden case files (numpy / scipy / PyTorch outputs, format in
 * {@code golden/README.md}), applies one {@link org.convkit.cli.conformance.OpHandler} per operation
 * and compares element-wise with each case's tolerance. Used by {@code convkit conformance} and by
 * the cli module's conformance test.
 */
package org.convkit.cli.conformance;
