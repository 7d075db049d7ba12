import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convkit.api.io.Npy;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.NdArray;
import org.convkit.api.nn.AdamConfig;
import org.convkit.api.nn.ConvLayerSpec;
import org.convkit.api.nn.FlattenSpec;
import org.convkit.api.nn.LinearSpec;
import org.convkit.api.nn.Model;
import org.convkit.api.nn.Padding;
import org.convkit.api.nn.Pass;
import org.convkit.api.nn.PoolLayerSpec;
import org.convkit.api.nn.ReluSpec;
import org.convkit.api.nn.SequentialSpec;
import org.convkit.api.nn.SoftmaxCrossEntropy;
import org.convkit.api.nn.train.Dataset;
import org.convkit.api.nn.train.Evaluator;
import org.convkit.api.nn.train.IdxFolder;

/**
 * The convkit side of {@code mnist_same_start.py}: trains WORKLOADS.md's LeNet-5 on an IDX folder
 * with Adam 1e-3, batch 64, from the initial weights and over the batch order PyTorch used, and
 * prints the test accuracy after each epoch. Usage (a single-file program on the built jar):
 * {@code java --add-modules=jdk.incubator.vector -cp cli/target/convkit.jar cli/scripts/MnistSameStart.java
 * DATA START THREADS}, where START holds {@code p0.npy} ... (the parameters in PyTorch's order,
 * which is convkit's), {@code order.npy} ({@code [epochs, n]} training indices) and, when the
 * images are to be moved, {@code shifts.npy} ({@code [epochs, n, 2]}: the rows and columns by
 * which the image at each place of each epoch's order moves, pixels moved in being zero).
 */
public final class MnistSameStart {
    private MnistSameStart() {
    }

    public static void main(String[] args) throws Exception {
        IdxFolder data = IdxFolder.load(Path.of(args[0]));
        Path start = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        Model model = Model.build(SequentialSpec.of(
                ConvLayerSpec.of(2, 1, 6, 5, Padding.of(2)), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                ConvLayerSpec.of(2, 6, 16, 5, Padding.valid()), ReluSpec.relu(), PoolLayerSpec.max(2, 2),
                new FlattenSpec(), new LinearSpec(400, 120, true), ReluSpec.relu(),
                new LinearSpec(120, 84, true), ReluSpec.relu(), new LinearSpec(84, 10, true)));
        int i = 0;
        for (var e : model.parameters().entrySet()) {
            NdArray from = Npy.read(start.resolve("p" + i++ + ".npy"));
            if (!from.shape().equals(e.getValue().shape())) {
                throw new IllegalArgumentException(e.getKey() + ": " + from.shape() + " in the start, "
                        + e.getValue().shape() + " in the model");
            }
            float[] to = e.getValue().value().data();
            for (int k = 0; k < to.length; k++) {
                to[k] = (float) from.getDouble(k);
            }
        }
        NdArray order = Npy.read(start.resolve("order.npy"));
        Path shiftFile = start.resolve("shifts.npy");
        NdArray shifts = Files.exists(shiftFile) ? Npy.read(shiftFile) : null;
        int epochs = order.shape().dim(0);
        int n = order.shape().dim(1);
        var optimizer = AdamConfig.of(1e-3).build(List.copyOf(model.parameters().values()));
        var loss = new SoftmaxCrossEntropy();
        Dataset train = data.train();
        StringBuilder line = new StringBuilder();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int lo = 0; lo < n; lo += 64) {
                int[] idx = new int[Math.min(64, n - lo)];
                for (int k = 0; k < idx.length; k++) {
                    idx[k] = (int) order.getDouble(epoch * n + lo + k);
                }
                Dataset.Batch batch = train.batch(idx);
                FloatNd x = shifts == null ? batch.x() : moved(batch.x(), shifts, (epoch * n + lo) * 2);
                optimizer.zeroGrad();
                FloatNd out = model.forward(x, Pass.train(threads, 0));
                loss.forward(out, batch.y());
                model.backwardParameters(loss.backward());
                optimizer.step();
            }
            line.append(epoch == 0 ? "" : " ")
                    .append(Evaluator.evaluate(model, data.test(), 256, threads).accuracy());
        }
        System.out.println(line);
    }

    /** Images {@code x} [b, 1, h, w] moved by the (row, column) pairs of {@code shifts} from {@code at}. */
    private static FloatNd moved(FloatNd x, NdArray shifts, int at) {
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        FloatNd out = FloatNd.zeros(x.shape());
        for (int i = 0; i < x.shape().dim(0); i++) {
            int dy = (int) shifts.getDouble(at + 2 * i);
            int dx = (int) shifts.getDouble(at + 2 * i + 1);
            for (int r = Math.max(0, dy); r < Math.min(h, h + dy); r++) {
                for (int c = Math.max(0, dx); c < Math.min(w, w + dx); c++) {
                    out.setDouble((i * h + r) * w + c, x.get(i, 0, r - dy, c - dx));
                }
            }
        }
        return out;
    }
}
