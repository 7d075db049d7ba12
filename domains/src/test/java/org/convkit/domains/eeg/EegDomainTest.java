package org.convkit.domains.eeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.nd.NdArray;
import org.convkit.domains.DomainContractTest;

/** The eeg domain passes the plugin contract; EDF quantises to 16 bits, BDF to 24. */
class EegDomainTest extends DomainContractTest {

    @Override
    protected String domainName() {
        return "eeg";
    }

    /**
     * Half a quantisation step of the widest channel of the file the contract writes: its range
     * (widened by the rounding of the physical limits to 8 characters, under 1e-3 here) over the
     * digital range of the format.
     */
    @Override
    protected double roundTripTolerance(FileFormat format) {
        DataFile f = domain().syntheticFile(0, 7L);
        NdArray x = f.data();
        int channels = x.shape().dim(0);
        int n = x.shape().dim(1);
        double widest = 0;
        for (int c = 0; c < channels; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, x.getDouble(c * n + i));
                hi = Math.max(hi, x.getDouble(c * n + i));
            }
            widest = Math.max(widest, hi - lo + 1e-3);
        }
        double levels = format.name().equals("bdf") ? (1 << 24) - 1 : (1 << 16) - 1;
        return widest / levels / 2;
    }

    @Override
    protected void assertMetadataKept(DataFile original, DataFile back, FileFormat format) {
        super.assertMetadataKept(original, back, format);
        assertEquals(original.metadata().annotations(), back.metadata().annotations(), format.name() + " annotations");
        assertEquals(original.metadata().channels(), back.metadata().channels(), format.name() + " channels");
    }
}
