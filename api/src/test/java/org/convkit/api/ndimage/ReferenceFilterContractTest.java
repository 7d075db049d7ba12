package org.convkit.api.ndimage;

import org.convkit.api.testing.FilterEngineContract;

/** The reference against itself: checks the contract's own machinery (shapes, dtype, threads). */
class ReferenceFilterContractTest extends FilterEngineContract {
    @Override
    protected FilterEngine engine() {
        return new ReferenceFilter();
    }

    @Override
    protected int[] separableRanks() {
        return new int[] {1, 2, 3};
    }

    @Override
    protected int[] directRanks() {
        return new int[] {1, 2};
    }
}
