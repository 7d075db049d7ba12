package org.convkit.domains.nifti;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.convkit.api.io.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files are rejected with one line naming the file and the field, before allocating. */
class NiftiBadFileTest {

    @TempDir
    Path dir;

    private byte[] bytes(String fixture) throws IOException {
        return Files.readAllBytes(NiftiFixtures.copy(fixture, dir));
    }

    private DataFileException rejected(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        DataFileException e = assertThrows(DataFileException.class, () -> NiftiReader.read(file, "nifti"));
        assertTrue(e.getMessage().contains(name), "file not named: " + e.getMessage());
        return e;
    }

    private static void assertMentions(DataFileException e, String... words) {
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void truncatedDataIsRejectedNamingDim() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        assertMentions(rejected("cut.nii", Arrays.copyOf(b, b.length - 1)), "dim is [5, 4, 3]");
    }

    @Test
    void truncatedHeaderIsRejectedNamingSizeofHdr() throws IOException {
        assertMentions(rejected("cut.nii", Arrays.copyOf(bytes("n1_int16_scl.nii"), 200)), "348");
    }

    @Test
    void wrongMagicIsRejectedNamingMagic() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        b[345] = 'X';
        assertMentions(rejected("magic.nii", b), "magic is 'nX1");
    }

    @Test
    void headerAndImagePairMagicIsRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        b[345] = 'i';
        assertMentions(rejected("pair.nii", b), "magic is 'ni1'");
    }

    @Test
    void wrongSizeofHdrIsRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 349);
        assertMentions(rejected("size.nii", b), "sizeof_hdr is 349");
    }

    @Test
    void dimsDeclaringMoreThanTheFileHoldsAreRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(42, (short) 30000);
        assertMentions(rejected("lying.nii", b), "dim is [30000, 4, 3]");
    }

    @Test
    void nifti2DimsBeyondTheCapAreRejectedBeforeAllocating() throws IOException {
        byte[] b = bytes("n2_float32.nii");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(24, 1L << 40);
        buf.putLong(32, 1L << 40);
        assertMentions(rejected("huge.nii", b), "dim is [1099511627776, 1099511627776, 3]");
    }

    @Test
    void nifti2VoxOffsetBeyondTheCapIsRejected() throws IOException {
        byte[] b = bytes("n2_float32.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(168, Long.MAX_VALUE - 10);
        assertMentions(rejected("offset.nii", b), "vox_offset is " + (Long.MAX_VALUE - 10));
    }

    @Test
    void dimsNeedingMoreThanTwoGigabytesAreRejected() throws IOException {
        // 2^28 voxels of 8-byte integers: within the voxel cap, beyond one array
        byte[] b = bytes("n1_int64.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(42, (short) 16384).putShort(44, (short) 16384)
                .putShort(46, (short) 1);
        assertMentions(rejected("big.nii", b), "dim is [16384, 16384, 1]", "2 GiB");
    }

    @Test
    void gzipDimsDeclaringMoreThanTheStreamHoldsAreRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(46, (short) 30);
        assertMentions(rejected("lying.nii.gz", gzip(b)), "dim is [5, 4, 30]");
    }

    @Test
    void gzipDimsBeyondWhatTheCompressedLengthCanHoldAreRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort(42, (short) 30000).putShort(44, (short) 100);
        assertMentions(rejected("bomb.nii.gz", gzip(b)), "dim is [30000, 100, 3]", "compressed");
    }

    @Test
    void truncatedGzipIsRejected() throws IOException {
        byte[] gz = gzip(bytes("n1_int16_scl.nii"));
        assertMentions(rejected("cut.nii.gz", Arrays.copyOf(gz, gz.length / 2)), "gzip");
    }

    @Test
    void nonPositiveDimIsRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(44, (short) -4);
        assertMentions(rejected("negative.nii", b), "dim[2] is -4");
    }

    @Test
    void rankOutOfRangeIsRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(40, (short) 9);
        assertMentions(rejected("rank.nii", b), "dim[0] is 9");
    }

    @Test
    void fiveDimensionalDataIsRejected() throws IOException {
        byte[] b = bytes("n1_4d_t2.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(40, (short) 5).putShort(50, (short) 2);
        assertMentions(rejected("five.nii", b), "dim[5] is 2");
    }

    @Test
    void complexDatatypeIsRejectedNamingTheCode() throws IOException {
        assertMentions(rejected("c.nii", bytes("n1_complex64.nii")), "datatype is 32 (complex64)");
    }

    @Test
    void rgbDatatypeIsRejectedNamingTheCode() throws IOException {
        byte[] b = bytes("n1_uint8_qform.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(70, (short) 128);
        assertMentions(rejected("rgb.nii", b), "datatype is 128 (rgb24)");
    }

    @Test
    void fractionalVoxOffsetIsRejected() throws IOException {
        byte[] b = bytes("n1_int16_scl.nii");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 352.5f);
        assertMentions(rejected("offset.nii", b), "vox_offset is 352.5");
    }

    @Test
    void plainFormatRecognisesByMagicNotName() throws IOException {
        byte[] b = bytes("n2_float32.nii");
        assertTrue(new NiftiFormat().recognises(dir.resolve("any.bin"), Arrays.copyOf(b, 512)));
        assertTrue(new NiftiFormat().recognises(dir.resolve("any.bin"), Arrays.copyOf(bytes("n1_int8.nii"), 512)));
        b[5] = 'x';
        assertFalse(new NiftiFormat().recognises(dir.resolve("x.nii"), Arrays.copyOf(b, 512)));
    }

    @Test
    void gzipFormatRecognisesTheGzipMagicUnderItsName() throws IOException {
        byte[] gz = bytes("n1_float64.nii.gz");
        assertTrue(new NiftiGzFormat().recognises(dir.resolve("a.nii.gz"), gz));
        assertTrue(new NiftiGzFormat().recognises(dir.resolve("compressed-but-named.nii"), gz));
        assertFalse(new NiftiGzFormat().recognises(dir.resolve("a.tar.gz"), gz));
        assertFalse(new NiftiGzFormat().recognises(dir.resolve("a.nii.gz"), bytes("n1_int8.nii")));
    }
}
