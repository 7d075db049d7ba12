package org.convkit.domains.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write then read keeps values, geometry and (when asked) the datatype and version. */
class NiftiWriterTest {

    @TempDir
    Path dir;

    private DataFile fixture(String name) throws IOException {
        return NiftiReader.read(NiftiFixtures.copy(name, dir), "nifti");
    }

    private static DataFile withProperty(DataFile f, String key, String value) {
        Map<String, String> p = new HashMap<>(f.metadata().properties());
        p.put(key, value);
        return new DataFile(f.format(), f.data(), f.metadata().withProperties(p));
    }

    @Test
    void plainRoundTripKeepsValuesAffineAndVoxelSize() throws IOException {
        DataFile original = fixture("n1_float32_be.nii");
        Path out = dir.resolve("out.nii");
        new NiftiFormat().write(original, out);
        DataFile back = NiftiReader.read(out, "nifti");
        assertArrayEquals(((FloatNd) original.data()).toArray(), ((FloatNd) back.data()).toArray());
        assertArrayEquals(original.metadata().affine(), back.metadata().affine(), 1e-6);
        assertArrayEquals(original.metadata().voxelSize(), back.metadata().voxelSize(), 1e-6);
    }

    @Test
    void gzipRoundTripIsCompressedAndKeepsValues() throws IOException {
        DataFile original = fixture("n1_int16_scl.nii");
        Path out = dir.resolve("out.nii.gz");
        new NiftiGzFormat().write(original, out);
        byte[] bytes = Files.readAllBytes(out);
        assertEquals(0x1F, bytes[0] & 0xFF);
        assertEquals(0x8B, bytes[1] & 0xFF);
        DataFile back = NiftiReader.read(out, "nifti-gz");
        assertArrayEquals(((FloatNd) original.data()).toArray(), ((FloatNd) back.data()).toArray());
        assertArrayEquals(original.metadata().affine(), back.metadata().affine(), 1e-6);
    }

    @Test
    void defaultIsNifti1Float32WithUnitSlope() throws IOException {
        Path out = dir.resolve("out.nii");
        new NiftiFormat().write(fixture("n2_int32_scl.nii"), out);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(348, b.getInt(0));
        assertEquals(16, b.getShort(70));
        assertEquals(32, b.getShort(72));
        assertEquals(352f, b.getFloat(108));
        assertEquals(1f, b.getFloat(112));
        assertEquals(0f, b.getFloat(116));
        assertEquals(352 + 4 * 60, Files.size(out));
    }

    @Test
    void keepDatatypeWritesTheOriginalIntegersAndScaling() throws IOException {
        DataFile original = withProperty(fixture("n1_int16_scl.nii"), NiftiWriter.KEEP_DATATYPE, "true");
        Path out = dir.resolve("out.nii");
        new NiftiFormat().write(original, out);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4, b.getShort(70));
        assertEquals(2.5f, b.getFloat(112));
        assertEquals(-10f, b.getFloat(116));
        // the raw int16 the nibabel fixture holds, byte for byte
        byte[] src = Files.readAllBytes(dir.resolve("n1_int16_scl.nii"));
        int srcOffset = (int) ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN).getFloat(108);
        byte[] raw = java.util.Arrays.copyOfRange(src, srcOffset, srcOffset + 120);
        assertArrayEquals(raw, java.util.Arrays.copyOfRange(b.array(), 352, 352 + 120));
    }

    @Test
    void keepDatatypeRejectsValuesOutsideTheType() throws IOException {
        DataFile f = withProperty(fixture("n1_int8.nii"), NiftiWriter.KEEP_DATATYPE, "true");
        f.data().setDouble(3, 300);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NiftiFormat().write(f, dir.resolve("out.nii")));
        assertTrue(e.getMessage().contains("300") && e.getMessage().contains("int8"), e.getMessage());
    }

    @Test
    void nifti2IsWrittenWhenAsked() throws IOException {
        DataFile original = withProperty(fixture("n1_float64.nii.gz"), NiftiWriter.WRITE_VERSION, "2");
        Path out = dir.resolve("out.nii");
        new NiftiFormat().write(original, out);
        assertEquals(540, ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        DataFile back = NiftiReader.read(out, "nifti");
        assertEquals("2", back.metadata().properties().get("nifti_version"));
        assertArrayEquals(((FloatNd) original.data()).toArray(), ((FloatNd) back.data()).toArray());
        assertArrayEquals(original.metadata().affine(), back.metadata().affine(), 1e-12);
    }

    @Test
    void writtenQformAloneGivesTheAffineBack() throws IOException {
        // a rotation with a left-handed frame (qfac -1), from nibabel
        DataFile original = fixture("n1_uint8_qform.nii");
        Path out = dir.resolve("out.nii");
        new NiftiFormat().write(original, out);
        byte[] bytes = Files.readAllBytes(out);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0);
        Files.write(out, bytes);
        double[] want = NiftiFixtures.doubles(NiftiFixtures.expected("n1_uint8_qform.nii").get("affine"));
        assertArrayEquals(want, NiftiReader.read(out, "nifti").metadata().affine(), 1e-5);
    }

    @Test
    void fourDimensionalDataIsWrittenWithTimeAsTheFourthDim() throws IOException {
        DataFile original = fixture("n1_4d_t2.nii");
        Path out = dir.resolve("out.nii.gz");
        new NiftiGzFormat().write(original, out);
        byte[] header;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            header = in.readNBytes(348);
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new short[] {4, 5, 4, 3, 2}, new short[] {b.getShort(40), b.getShort(42), b.getShort(44),
            b.getShort(46), b.getShort(48)});
        assertEquals(Shape.of(2, 3, 4, 5), NiftiReader.read(out, "nifti").data().shape());
    }

    @Test
    void voxelSizeWithoutAffineGoesToPixdimReversed() throws IOException {
        DataFile f = new DataFile("nifti", FloatNd.zeros(Shape.of(1, 2, 3, 4)),
                org.convkit.api.domain.Metadata.spatial(new double[] {3.0, 2.0, 0.5}));
        Path out = dir.resolve("out.nii");
        new NiftiFormat().write(f, out);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new float[] {0.5f, 2f, 3f}, new float[] {b.getFloat(80), b.getFloat(84), b.getFloat(88)});
        assertEquals(0, b.getShort(252));
        assertEquals(0, b.getShort(254));
        assertArrayEquals(new double[] {3.0, 2.0, 0.5}, NiftiReader.read(out, "nifti").metadata().voxelSize());
    }
}
