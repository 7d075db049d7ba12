package org.convkit.domains.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Windowing maps [centre - width/2, centre + width/2] linearly onto [0, 1] and clips (exact values). */
class CtWindowTest {

    @Test
    void softTissueMapsItsEdgesAndCentreExactly() {
        float[] hu = {-1000, -160, 40, 140, 240, 1000};
        CtWindow.SOFT_TISSUE.applyInPlace(hu);
        assertArrayEquals(new float[] {0, 0, 0.5f, 0.75f, 1, 1}, hu);
    }

    @Test
    void lungWindowIsCentredOnMinus600() {
        assertEquals(0.0, CtWindow.LUNG.apply(-1350));
        assertEquals(0.25, CtWindow.LUNG.apply(-975));
        assertEquals(0.5, CtWindow.LUNG.apply(-600));
        assertEquals(1.0, CtWindow.LUNG.apply(150));
    }

    @Test
    void boneWindowIs400Over1800() {
        assertEquals(0.0, CtWindow.BONE.apply(-500));
        assertEquals(0.5, CtWindow.BONE.apply(400));
        assertEquals(0.75, CtWindow.BONE.apply(850));
    }

    @Test
    void presetsAreFoundByNameOrCentreSlashWidth() {
        assertEquals(CtWindow.LUNG, CtWindow.parse("Lung"));
        assertEquals(CtWindow.SOFT_TISSUE, CtWindow.parse("soft-tissue"));
        assertEquals(CtWindow.LUNG, CtWindow.parse("-600/1500"));
        assertEquals(List.of("soft-tissue", "lung", "bone", "brain"), CtWindow.presetNames());
    }

    @Test
    void anUnknownNameIsRejectedListingThePresets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CtWindow.parse("liver"));
        assertTrue(e.getMessage().contains("liver") && e.getMessage().contains("soft-tissue"), e.getMessage());
    }

    @Test
    void nonPositiveWidthIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CtWindow(40, 0));
        assertTrue(e.getMessage().contains("width") && e.getMessage().contains("0.0"), e.getMessage());
    }

    @Test
    void nanStaysNan() {
        assertTrue(Double.isNaN(CtWindow.BRAIN.apply(Double.NaN)));
    }
}
