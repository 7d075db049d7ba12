package org.convkit.domains.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.FileFormat;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.convkit.domains.DomainContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin contract for {@code ct}, plus its sampling and phantoms. */
class CtDomainTest extends DomainContractTest {

    @TempDir
    Path scratch;

    @Override
    protected String domainName() {
        return "ct";
    }

    @Override
    protected double roundTripTolerance(FileFormat format) {
        return 0; // float32 in, float32 out
    }

    @Override
    protected void assertMetadataKept(DataFile original, DataFile back, FileFormat format) {
        super.assertMetadataKept(original, back, format);
        assertArrayEquals(original.metadata().voxelSize(), back.metadata().voxelSize(), 1e-9, format.name());
        assertArrayEquals(original.metadata().affine(), back.metadata().affine(), 1e-9, format.name());
    }

    @Test
    void samplesAreOneWindowedVolumeOfTheDefaultShape() throws IOException {
        FloatNd s = domain().samples(domain().syntheticFile(1, 4L));
        assertEquals(Shape.of(1, 1, 16, 16, 16), s.shape());
        for (float v : s.toArray()) {
            assertTrue(v >= 0 && v <= 1, "windowed value " + v);
        }
    }

    @Test
    void aFourDimensionalSeriesIsRejectedNamingItsShape() {
        DataFile series = new DataFile("nifti", FloatNd.zeros(Shape.of(2, 4, 4, 4)), Metadata.NONE);
        DataFileException e = assertThrows(DataFileException.class, () -> domain().samples(series));
        assertTrue(e.getMessage().contains("2x4x4x4"), e.getMessage());
    }

    @Test
    void patchSamplingCutsTheVolumeIntoPatches() throws IOException {
        CtDomain patched = new CtDomain(CtSampling.patched(CtWindow.LUNG, Patches.tiles(12)), new CtPhantom(20, 2.0));
        // 20 voxels in tiles of 12: starts 0 and 12, so 2 x 2 x 2 patches
        assertEquals(Shape.of(8, 1, 12, 12, 12), patched.samples(patched.syntheticFile(0, 1L)).shape());
        assertEquals(Shape.of(1, 12, 12, 12), patched.sampleShape());
    }

    @Test
    void patchSamplingCanResampleToAVoxelSizeFirst() throws IOException {
        // 20 voxels of 2 mm resampled to 4 mm: 10 voxels, in tiles of 8: starts 0 and 8
        CtDomain patched = new CtDomain(CtSampling.patched(CtWindow.SOFT_TISSUE, Patches.tiles(8), 4, 4, 4),
                new CtPhantom(20, 2.0));
        assertEquals(Shape.of(8, 1, 8, 8, 8), patched.samples(patched.syntheticFile(1, 1L)).shape());
    }

    @Test
    void resamplingToAVoxelSizeNeedsTheFilesVoxelSize() {
        CtDomain patched = new CtDomain(CtSampling.patched(CtWindow.SOFT_TISSUE, Patches.tiles(8), 4, 4, 4),
                CtPhantom.DEFAULT);
        DataFile bare = new DataFile("nifti", FloatNd.zeros(Shape.of(1, 8, 8, 8)), Metadata.NONE);
        DataFileException e = assertThrows(DataFileException.class, () -> patched.samples(bare));
        assertTrue(e.getMessage().contains("voxel size is null"), e.getMessage());
    }

    @Test
    void domainReadsNiftiWrittenByNibabel() throws IOException {
        Path file = scratch.resolve("ct.nii.gz");
        try (InputStream in = getClass().getResourceAsStream("/org/convkit/domains/nifti/n2_int16_be.nii.gz")) {
            Files.write(file, in.readAllBytes());
        }
        DataFile f = domain().read(file);
        assertEquals(Shape.of(1, 3, 4, 5), f.data().shape());
        assertEquals(Shape.of(1, 1, 16, 16, 16), domain().samples(f).shape());
    }

    @Test
    void phantomWithAndWithoutLesionDifferOnlyInASmallDenserRegion() {
        FloatNd normal = CtPhantom.DEFAULT.volume(false, 12L);
        FloatNd lesion = CtPhantom.DEFAULT.volume(true, 12L);
        int differ = 0;
        for (int i = 0; i < normal.shape().size(); i++) {
            double d = lesion.getDouble(i) - normal.getDouble(i);
            if (d != 0) {
                differ++;
                assertTrue(d >= 89.99 && d <= 140.01, "lesion adds " + d + " HU");
            }
        }
        // a sphere of radius 0.14 to 0.2 of 32 voxels (4.48 to 6.4): 376 to 1098 voxels
        assertTrue(differ >= 300 && differ <= 1150, differ + " voxels differ");
    }

    @Test
    void phantomHasAirOutsideTheBody() {
        FloatNd v = CtPhantom.DEFAULT.volume(false, 3L);
        // the corners are outside any body ellipsoid: air plus at most 12 HU noise times a few sigma
        assertEquals(-1000, v.get(0, 0, 0), 60);
        assertEquals(-1000, v.get(31, 31, 31), 60);
    }
}
