package org.convkit.api.nn;

import java.util.ArrayList;
import java.util.List;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;

/** Element-wise sum and channel concatenation of {@code [N, C, ...]} tensors, for graph nodes. */
final class TensorOps {
    private TensorOps() {
    }

    /** A contiguous copy-free view when possible: the data array from offset 0 if it owns it. */
    static float[] dense(FloatNd x) {
        if (x.offset() == 0 && x.data().length == x.shape().size()) {
            return x.data();
        }
        return x.toArray();
    }

    static FloatNd add(List<FloatNd> xs) {
        Shape s = addShape("add", xs.stream().map(FloatNd::shape).toList());
        float[] out = dense(xs.get(0)).clone();
        for (int k = 1; k < xs.size(); k++) {
            float[] d = xs.get(k).data();
            int off = xs.get(k).offset();
            for (int i = 0; i < out.length; i++) {
                out[i] += d[off + i];
            }
        }
        return FloatNd.of(s, out);
    }

    static Shape addShape(String node, List<Shape> shapes) {
        for (Shape s : shapes) {
            if (!s.equals(shapes.get(0))) {
                throw new IllegalArgumentException("add node '" + node + "' has inputs of different shapes " + shapes);
            }
        }
        return shapes.get(0);
    }

    static Shape concatShape(String node, List<Shape> shapes) {
        Shape first = shapes.get(0);
        int channels = 0;
        for (Shape s : shapes) {
            boolean fits = s.rank() == first.rank() && s.rank() >= 2 && s.dim(0) == first.dim(0);
            for (int a = 2; fits && a < s.rank(); a++) {
                fits = s.dim(a) == first.dim(a);
            }
            if (!fits) {
                throw new IllegalArgumentException("concat node '" + node
                        + "' needs inputs equal in all but the channel axis, got " + shapes);
            }
            channels += s.dim(1);
        }
        int[] dims = first.dims();
        dims[1] = channels;
        return Shape.of(dims);
    }

    static FloatNd concatChannels(List<FloatNd> xs) {
        Shape s = concatShape("concat", xs.stream().map(FloatNd::shape).toList());
        int n = s.dim(0);
        int inner = s.size() / (n * s.dim(1));
        float[] out = new float[s.size()];
        int pos = 0;
        for (int b = 0; b < n; b++) {
            for (FloatNd x : xs) {
                int len = x.shape().dim(1) * inner;
                System.arraycopy(x.data(), x.offset() + b * len, out, pos, len);
                pos += len;
            }
        }
        return FloatNd.of(s, out);
    }

    /** Splits a channel-concatenated gradient back into parts shaped like {@code like}. */
    static List<FloatNd> splitChannels(FloatNd g, List<FloatNd> like) {
        int n = g.shape().dim(0);
        List<float[]> parts = new ArrayList<>();
        like.forEach(x -> parts.add(new float[x.shape().size()]));
        int pos = g.offset();
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < like.size(); k++) {
                int len = like.get(k).shape().size() / n;
                System.arraycopy(g.data(), pos, parts.get(k), b * len, len);
                pos += len;
            }
        }
        List<FloatNd> out = new ArrayList<>();
        for (int k = 0; k < like.size(); k++) {
            out.add(FloatNd.of(like.get(k).shape(), parts.get(k)));
        }
        return out;
    }
}
