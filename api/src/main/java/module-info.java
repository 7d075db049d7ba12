/** convkit's concepts: the N-d array, specs, N-d reference kernels and the engine SPIs. */
module org.convkit.api {
    requires transitive commons.math3;
    requires transitive com.fasterxml.jackson.databind;
    requires JTransforms;
    requires static jdk.incubator.vector;

    exports org.convkit.api.nd;
    exports org.convkit.api.conv;
    exports org.convkit.api.domain;
    exports org.convkit.api.io;
    exports org.convkit.api.linalg;
    exports org.convkit.api.nn;
    exports org.convkit.api.nn.arch;
    exports org.convkit.api.nn.train;
    exports org.convkit.api.nn.transfer;
    exports org.convkit.api.nn.explain;
    exports org.convkit.api.ndimage;
    exports org.convkit.api.parallel;
    exports org.convkit.api.signal;

    uses org.convkit.api.conv.ConvEngine;
    uses org.convkit.api.ndimage.FilterEngine;
    uses org.convkit.api.domain.Domain;
    uses org.convkit.api.domain.FileFormat;

    provides org.convkit.api.conv.ConvEngine with org.convkit.api.conv.ReferenceConvolution;
}
