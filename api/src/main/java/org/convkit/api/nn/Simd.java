package org.convkit.api.nn;

/** Whether the layers' Vector API loops ({@link VectorOps}) can run: jdk.incubator.vector is in the boot layer. */
final class Simd {
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Simd() {
    }
}
