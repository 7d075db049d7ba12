/** Rank-specialised float32 kernels: 2-d direct convolution and the fast ndimage filters. */
module org.convkit.conv2d {
    requires org.convkit.api;
    requires static jdk.incubator.vector;

    provides org.convkit.api.conv.ConvEngine with org.convkit.conv2d.Conv2dDirect;
    provides org.convkit.api.ndimage.FilterEngine with org.convkit.conv2d.Conv2dFilterEngine;
}
