package org.convkit.domains.mocap;

import org.convkit.api.domain.FileFormat;
import org.convkit.domains.DomainContractTest;

/** The plugin contract for {@code mocap}. */
class MocapDomainTest extends DomainContractTest {

    @Override
    protected String domainName() {
        return "mocap";
    }

    /**
     * C3D stores float32: synthetic values stay below 4096 mm, where half a float32 step is 2^-12;
     * the CSV prints doubles exactly.
     */
    @Override
    protected double roundTripTolerance(FileFormat format) {
        return format instanceof C3dFormat ? 0x1p-12 : 0;
    }
}
