package org.convkit.domains.nifti;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/**
 * Decodes a single-file NIfTI-1 or NIfTI-2 volume, plain or gzip-compressed (detected by the gzip
 * magic, whatever the name), either byte order (detected from {@code sizeof_hdr}).
 *
 * <p>The result is float32 {@code [t, z, y, x]}: NIfTI stores x fastest, so the voxels in file
 * order are this array in C order; a 3-d volume has {@code t = 1}, a 4-d series puts its volumes
 * on the channel axis. Values are {@code raw * scl_slope + scl_inter} (computed in double) when
 * {@code scl_slope} is finite and non-zero, else raw. {@link Metadata#voxelSize()} is
 * {@code (pixdim[3], pixdim[2], pixdim[1])}, i.e. (z, y, x) in the order of the array's axes;
 * {@link Metadata#affine()} is {@link NiftiAffine#of} (indices {@code (i, j, k) = (x, y, z)}).
 * Properties: {@code nifti_version}, {@code datatype}, {@code byte_order}, {@code descrip},
 * {@code units}, {@code scl_slope}, {@code scl_inter}, {@code qform_code}, {@code sform_code}.
 *
 * <p>Sizes are checked before allocating: the declared voxels must fit in the file (plain), or in
 * what the compressed length can inflate to at deflate's best ratio (gzip, checked again while
 * inflating); both are errors naming {@code dim}.
 */
public final class NiftiReader {

    /** Deflate never compresses better than about 1032:1; a larger claim is a lie. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NiftiReader() {
    }

    /** Decodes {@code file}; the result's format name is {@code format}. */
    public static DataFile read(Path file, String format) throws IOException {
        long length = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return decode(file, format, in, length, gzip);
        } catch (ZipException | EOFException e) {
            throw new DataFileException(file, "gzip stream is corrupt or cut short (" + e.getMessage() + ")");
        }
    }

    private static DataFile decode(Path file, String format, InputStream in, long length, boolean gzip)
            throws IOException {
        byte[] first = in.readNBytes(4);
        int size = Math.abs(NiftiHeader.sizeAndOrder(file, first));
        byte[] header = new byte[size];
        System.arraycopy(first, 0, header, 0, 4);
        int got = in.readNBytes(header, 4, size - 4) + 4;
        if (got < size) {
            throw new DataFileException(file, "header is cut short: " + got + " of the " + size
                    + " bytes sizeof_hdr declares");
        }
        NiftiHeader h = NiftiHeader.parse(file, header);
        long dataBytes = h.voxels() * h.datatype().bytes();
        if (dataBytes > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, "dim is " + h.dimText() + " (" + dataBytes + " bytes of "
                    + h.datatype().label() + "), more than the 2 GiB convkit reads at once");
        }
        long end = h.voxOffset() + dataBytes;
        if (!gzip && end > length) {
            throw new DataFileException(file, "dim is " + h.dimText() + " (" + h.voxels() + " voxels of "
                    + h.datatype().label() + " from vox_offset " + h.voxOffset() + ", " + end
                    + " bytes) but the file holds " + length + " bytes");
        }
        if (gzip && end > MAX_DEFLATE_RATIO * length + (1 << 16)) {
            throw new DataFileException(file, "dim is " + h.dimText() + " (" + end + " bytes) but " + length
                    + " compressed bytes cannot inflate to that much");
        }
        long skip = h.voxOffset() - size;
        // plain files were checked against their length above; a short gzip stream ends in EOFException
        in.skipNBytes(skip);
        // readNBytes grows its buffer as bytes arrive, so a lying gzip header costs no more than its data
        byte[] data = in.readNBytes((int) dataBytes);
        if (data.length < dataBytes) {
            throw new DataFileException(file, "dim is " + h.dimText() + " (" + dataBytes + " bytes of "
                    + h.datatype().label() + ") but only " + data.length + " bytes follow vox_offset");
        }
        return new DataFile(format, voxels(h, data), metadata(h));
    }

    private static FloatNd voxels(NiftiHeader h, byte[] data) {
        long[] dim = h.dim();
        int rank = (int) dim[0];
        int x = (int) dim[1];
        int y = rank >= 2 ? (int) dim[2] : 1;
        int z = rank >= 3 ? (int) dim[3] : 1;
        int t = rank >= 4 ? (int) dim[4] : 1;
        ByteBuffer buf = ByteBuffer.wrap(data).order(h.order());
        NiftiDatatype type = h.datatype();
        double slope = h.sclSlope();
        boolean scaled = slope != 0 && Double.isFinite(slope);
        double inter = scaled && Double.isFinite(h.sclInter()) ? h.sclInter() : 0;
        float[] out = new float[x * y * z * t];
        int step = type.bytes();
        for (int i = 0; i < out.length; i++) {
            double v = type.read(buf, i * step);
            out[i] = (float) (scaled ? v * slope + inter : v);
        }
        return FloatNd.of(Shape.of(t, z, y, x), out);
    }

    private static Metadata metadata(NiftiHeader h) {
        double[] pix = h.pixdim();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("nifti_version", Integer.toString(h.version()));
        props.put("datatype", h.datatype().label());
        props.put("byte_order", h.order() == ByteOrder.BIG_ENDIAN ? "big" : "little");
        props.put("descrip", h.descrip());
        props.put("units", NiftiUnits.spatial(h.xyztUnits()));
        props.put("scl_slope", Double.toString(h.sclSlope()));
        props.put("scl_inter", Double.toString(h.sclInter()));
        props.put("qform_code", Integer.toString(h.qformCode()));
        props.put("sform_code", Integer.toString(h.sformCode()));
        return new Metadata(Double.NaN, List.of(), List.of(), new double[] {pix[3], pix[2], pix[1]},
                NiftiAffine.of(h), props);
    }
}
