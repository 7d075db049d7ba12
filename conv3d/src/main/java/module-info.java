/** Rank-3 convolution engines (direct and FFT), registered as {@code ConvEngine} providers. */
module org.convkit.conv3d {
    requires transitive org.convkit.api;
    requires JTransforms;
    // Optional: Conv3dDirect is offered only when the module is present at run time.
    requires static jdk.incubator.vector;

    exports org.convkit.conv3d;

    provides org.convkit.api.conv.ConvEngine with org.convkit.conv3d.Conv3dDirect, org.convkit.conv3d.Conv3dFft;
}
