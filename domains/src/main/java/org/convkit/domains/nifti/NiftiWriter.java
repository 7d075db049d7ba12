package org.convkit.domains.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.AtomicFiles;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nd.Shape;

/**
 * Encodes a volume {@code [t, z, y, x]} (or {@code [z, y, x]}) as a single-file NIfTI, little-endian,
 * voxels right after the header ({@code vox_offset} 352 for NIfTI-1, 544 for NIfTI-2), optionally
 * gzip-compressed.
 *
 * <p>By default NIfTI-1 float32 with {@code scl_slope = 1}, {@code scl_inter = 0}. Two properties
 * change that: {@value #KEEP_DATATYPE}{@code =true} writes the {@code datatype} property's type
 * (values mapped back through the {@code scl_slope}/{@code scl_inter} properties, rounded to the
 * nearest integer for integer types; a value out of the type's range is an
 * {@link IllegalArgumentException}), and {@value #WRITE_VERSION}{@code =2} writes NIfTI-2.
 *
 * <p>Geometry: with an affine, the sform is the affine ({@code sform_code} from the properties,
 * else 2, aligned), {@code pixdim[1..3]} its column lengths and the qform its normalised rotation
 * (exact without shear); without one, both codes are 0 and {@code pixdim} is the voxel size
 * ({@code (z, y, x)} in the metadata, reversed into {@code pixdim[3], [2], [1]}; 1 when unknown).
 */
public final class NiftiWriter {

    /** The property that makes the writer keep the {@code datatype} property's type. */
    public static final String KEEP_DATATYPE = "keep_datatype";
    /** The property selecting NIfTI-2 ({@code "2"}); NIfTI-1 otherwise. */
    public static final String WRITE_VERSION = "write_nifti_version";

    private NiftiWriter() {
    }

    /** Writes {@code file} to {@code target} atomically, compressed when {@code gzip}. */
    public static void write(DataFile file, Path target, boolean gzip) throws IOException {
        NiftiHeader h = header(file);
        NdArray data = file.data();
        double slope = h.sclSlope();
        double inter = h.sclInter();
        NiftiDatatype type = h.datatype();
        byte[] head = h.encode();
        AtomicFiles.write(target, out -> {
            OutputStream o = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
            o.write(head);
            o.write(new byte[(int) h.voxOffset() - head.length]);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            int n = data.shape().size();
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 8) {
                    o.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                type.write(buf, raw(data.getDouble(i), i, type, slope, inter));
            }
            o.write(buf.array(), 0, buf.position());
            if (o instanceof GZIPOutputStream g) {
                g.finish();
            }
        });
    }

    private static double raw(double v, int index, NiftiDatatype type, double slope, double inter) {
        if (!type.isInteger()) {
            return v;
        }
        double r = Math.rint((v - inter) / slope);
        if (!(r >= type.min() && r <= type.max())) {
            throw new IllegalArgumentException("value " + v + " at voxel " + index + " is " + r + " in "
                    + type.label() + " (scl_slope " + slope + ", scl_inter " + inter + "), outside ["
                    + type.min() + ", " + type.max() + "]");
        }
        return r;
    }

    /** The header {@link #write} writes for {@code file}. */
    static NiftiHeader header(DataFile file) {
        Shape s = file.data().shape();
        if (s.rank() != 3 && s.rank() != 4) {
            throw new IllegalArgumentException("NIfTI holds volumes [t, z, y, x] or [z, y, x], got shape " + s);
        }
        int off = s.rank() - 3;
        long t = s.rank() == 4 ? s.dim(0) : 1;
        long[] dim = {t > 1 ? 4 : 3, s.dim(off + 2), s.dim(off + 1), s.dim(off), t, 1, 1, 1};
        Metadata m = file.metadata();
        Map<String, String> p = m.properties();
        int version = "2".equals(p.get(WRITE_VERSION)) ? 2 : 1;
        if (version == 1) {
            for (int a = 1; a <= 4; a++) {
                if (dim[a] > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("NIfTI-1 dims are at most 32767, got shape " + s
                            + "; set " + WRITE_VERSION + "=2");
                }
            }
        }
        NiftiDatatype type = NiftiDatatype.FLOAT32;
        double slope = 1;
        double inter = 0;
        if ("true".equals(p.get(KEEP_DATATYPE)) && NiftiDatatype.byLabel(p.getOrDefault("datatype", "")) != null) {
            type = NiftiDatatype.byLabel(p.get("datatype"));
            double ps = parse(p.get("scl_slope"), 0);
            if (ps != 0 && Double.isFinite(ps)) {
                slope = ps;
                inter = parse(p.get("scl_inter"), 0);
                inter = Double.isFinite(inter) ? inter : 0;
            }
        }
        double[] pixdim = {1, 1, 1, 1, t > 1 ? 1 : 0, 0, 0, 0};
        double[] quatern = new double[6];
        double[] srow = new double[12];
        int qformCode = 0;
        int sformCode = 0;
        double[] affine = m.affine();
        double[] voxel = m.voxelSize();
        if (affine != null) {
            System.arraycopy(affine, 0, srow, 0, 12);
            sformCode = positive(p.get("sform_code"), 2);
            double[] zooms = NiftiAffine.columnNorms(affine);
            double[] q = NiftiAffine.toQuaternion(affine);
            if (q != null) {
                System.arraycopy(zooms, 0, pixdim, 1, 3);
                System.arraycopy(q, 0, quatern, 0, 6);
                pixdim[0] = q[6];
                qformCode = positive(p.get("qform_code"), 2);
            }
        } else if (voxel != null && voxel.length == 3) {
            pixdim[1] = voxel[2];
            pixdim[2] = voxel[1];
            pixdim[3] = voxel[0];
        }
        int units = NiftiUnits.code(p.get("units")) | (t > 1 ? 8 : 0);
        return new NiftiHeader(version, ByteOrder.LITTLE_ENDIAN, dim, type, pixdim, version == 1 ? 352 : 544, slope,
                inter, units, p.getOrDefault("descrip", "convkit"), qformCode, sformCode, quatern, srow);
    }

    private static double parse(String s, double otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static int positive(String s, int otherwise) {
        double v = parse(s, otherwise);
        return v > 0 && v <= 4 ? (int) v : otherwise;
    }
}
