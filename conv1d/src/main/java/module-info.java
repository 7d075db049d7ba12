/** Rank-1 convolution engines: direct (SIMD), FFT and overlap-add, found through the api's SPI. */
module org.convkit.conv1d {
    requires org.convkit.api;
    requires JTransforms;
    // Optional: the Vector API kernel is used when the module is present, else a plain Java fallback.
    requires static jdk.incubator.vector;

    // Nothing exported: the engines are reached through ServiceLoader and Convolution.
    provides org.convkit.api.conv.ConvEngine with
            org.convkit.conv1d.Conv1dDirect,
            org.convkit.conv1d.Conv1dFft,
            org.convkit.conv1d.Conv1dOverlapAdd;
}
