package org.convkit.domains.video;

import org.convkit.api.domain.FileFormat;
import org.convkit.domains.DomainContractTest;

class VideoDomainTest extends DomainContractTest {

    @Override
    protected String domainName() {
        return "video";
    }

    /**
     * y4m 4:4:4 limited range: half a code of Y, Cb and Cr through the inverse BT.601 matrix, at most
     * (1.164 + 2.017) / 2 / 255 = 0.0062 (blue); frames: half an 8-bit PNG level.
     */
    @Override
    protected double roundTripTolerance(FileFormat format) {
        return format.name().equals("y4m") ? 0.0065 : 0.5 / 255 + 1e-6;
    }
}
