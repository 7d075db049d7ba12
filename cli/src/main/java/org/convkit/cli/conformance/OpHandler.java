package org.convkit.cli.conformance;

import java.util.Map;

/**
 * Computes one golden operation with convkit: from a case's inputs and parameters, the named
 * outputs to compare with the case's expected arrays. An exception counts as a failed case.
 */
@FunctionalInterface
public interface OpHandler {

    Map<String, GoldenArray> apply(GoldenCase c) throws Exception;
}
