package org.convkit.domains.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written by nibabel read to the values, affine and zooms nibabel reports. */
class NiftiReaderTest {

    @TempDir
    Path dir;

    static List<String> fixtures() {
        return NiftiFixtures.names();
    }

    private DataFile read(String name) throws IOException {
        return NiftiReader.read(NiftiFixtures.copy(name, dir), "nifti");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void valuesMatchNibabelWithinFloat32(String name) throws IOException {
        DataFile f = read(name);
        double[] want = NiftiFixtures.doubles(NiftiFixtures.expected(name).get("data"));
        assertEquals(want.length, f.data().shape().size(), name);
        for (int i = 0; i < want.length; i++) {
            // float32 holds the value to half an ulp: relative 2^-24
            assertEquals(want[i], f.data().getDouble(i), Math.abs(want[i]) * 0x1p-24, name + " voxel " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void shapeIsTimeZyxOfNibabelsXyzt(String name) throws IOException {
        JsonNode s = NiftiFixtures.expected(name).get("shape");
        int t = s.size() > 3 ? s.get(3).asInt() : 1;
        assertEquals(Shape.of(t, s.get(2).asInt(), s.get(1).asInt(), s.get(0).asInt()), read(name).data().shape());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void affineMatchesNibabels(String name) throws IOException {
        double[] want = NiftiFixtures.doubles(NiftiFixtures.expected(name).get("affine"));
        // NIfTI-1 stores the matrix (or quaternion) as float32: compare at float precision
        assertArrayEquals(want, read(name).metadata().affine(), 1e-5, name);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void voxelSizeIsZoomsInZyxOrder(String name) throws IOException {
        double[] z = NiftiFixtures.doubles(NiftiFixtures.expected(name).get("zooms"));
        assertArrayEquals(new double[] {z[2], z[1], z[0]}, read(name).metadata().voxelSize(), 1e-12, name);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void propertiesNameVersionDatatypeAndDescription(String name) throws IOException {
        JsonNode e = NiftiFixtures.expected(name);
        DataFile f = read(name);
        assertEquals(e.get("version").asText(), f.metadata().properties().get("nifti_version"));
        assertEquals(NiftiDatatype.of(e.get("datatype").asInt()).label(), f.metadata().properties().get("datatype"));
        assertEquals(e.get("descrip").asText(), f.metadata().properties().get("descrip"));
        assertEquals(e.get("endian").asText().equals(">") ? "big" : "little",
                f.metadata().properties().get("byte_order"));
        assertEquals("mm", f.metadata().properties().get("units"));
    }

    @Test
    void zeroSlopeMeansNoScaling() throws IOException {
        Path file = NiftiFixtures.copy("n1_int16_scl.nii", dir);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(112, 0f);
        Files.write(file, bytes);
        double[] scaled = NiftiFixtures.doubles(NiftiFixtures.expected("n1_int16_scl.nii").get("data"));
        DataFile f = NiftiReader.read(file, "nifti");
        for (int i = 0; i < scaled.length; i++) {
            // the fixture's scaling is 2.5 x - 10
            assertEquals((scaled[i] + 10) / 2.5, f.data().getDouble(i), 0.0, "voxel " + i);
        }
    }

    @Test
    void zeroVoxOffsetIsReadAsTheFirstOffsetAfterTheHeader() throws IOException {
        Path file = NiftiFixtures.copy("n1_int8.nii", dir);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0f);
        Files.write(file, bytes);
        double[] want = NiftiFixtures.doubles(NiftiFixtures.expected("n1_int8.nii").get("data"));
        assertArrayEquals(want, NiftiReader.read(file, "nifti").data().toDouble().data(), 0.0);
    }

    @Test
    void gzipDataNamedNiiIsInflated() throws IOException {
        Path gz = NiftiFixtures.copy("n1_float64.nii.gz", dir);
        Path renamed = Files.move(gz, dir.resolve("renamed.nii"));
        double[] want = NiftiFixtures.doubles(NiftiFixtures.expected("n1_float64.nii.gz").get("data"));
        // float32 of values below 4096: within 2^-12
        assertArrayEquals(want, NiftiReader.read(renamed, "nifti").data().toDouble().data(), 0x1p-12);
    }

    @Test
    void withoutSformOrQformTheAffineIsPixdimScaling() throws IOException {
        Path file = NiftiFixtures.copy("n1_int8.nii", dir);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(252, (short) 0).putShort(254, (short) 0);
        Files.write(file, bytes);
        assertArrayEquals(new double[] {1.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 1},
                NiftiReader.read(file, "nifti").metadata().affine(), 1e-7);
    }

    @Test
    void qformIsUsedWhenSformCodeIsZero() throws IOException {
        // n1_int16_scl holds the same rotation in both; with the sform switched off the qform must give it
        Path file = NiftiFixtures.copy("n1_int16_scl.nii", dir);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0);
        Files.write(file, bytes);
        double[] want = NiftiFixtures.doubles(NiftiFixtures.expected("n1_int16_scl.nii").get("affine"));
        assertArrayEquals(want, NiftiReader.read(file, "nifti").metadata().affine(), 1e-5);
    }
}
