package org.convkit.domains.image;

import org.convkit.api.domain.FileFormat;
import org.convkit.domains.DomainContractTest;

class ImageDomainTest extends DomainContractTest {

    @Override
    protected String domainName() {
        return "image";
    }

    @Override
    protected double roundTripTolerance(FileFormat format) {
        switch (format.name()) {
            case "jpeg":
                return 0.25;
            case "gif":
                return 0.1 + 1e-6;
            default:
                return 0.5 / 255 + 1e-6;
        }
    }

    /** JPEG's encoder is not idempotent: decoding and encoding again moves values by a few levels. */
    @Override
    protected double secondRoundTripTolerance(FileFormat format) {
        return format.name().equals("jpeg") ? 0.1 : 0.0;
    }
}
