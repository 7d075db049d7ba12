package org.convkit.api.nn;

/** The architecture of a model: a {@link SequentialSpec} or a {@link GraphSpec}. */
public sealed interface ModelSpec permits SequentialSpec, GraphSpec {
}
