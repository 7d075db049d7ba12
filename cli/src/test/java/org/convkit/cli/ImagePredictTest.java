package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.convkit.api.nn.train.IdxFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model trained on grey IDX digits predicts colour PNG files: the image domain makes the samples the model takes. */
class ImagePredictTest {
    private static final String[] MNIST = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    @TempDir
    Path dir;

    @Test
    void aDigitModelPredictsAColourPngOfATestDigit() throws IOException {
        Path idx = Files.createDirectories(dir.resolve("mnist"));
        for (String name : MNIST) {
            try (InputStream in = getClass().getResourceAsStream("/org/convkit/cli/mnist-subset/" + name)) {
                Files.copy(in, idx.resolve(name));
            }
        }
        Path model = dir.resolve("digits.ckpt");
        Cli train = Cli.run("train", "--domain", "image", "--data", idx.toString(), "--epochs", "3", "--batch", "32",
                "--threads", "2", "--quiet", "-o", model.toString());
        assertEquals(0, train.code(), train.err());

        // the first test digits, written as 8-bit RGB PNGs (the model was trained on grey [1, 28, 28] IDX digits)
        IdxFolder mnist = IdxFolder.load(idx);
        int correct = 0;
        int n = 20;
        for (int i = 0; i < n; i++) {
            float[] pixels = mnist.test().features().slice(i).toArray();
            BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < 28 * 28; p++) {
                int v = Math.round(pixels[p] * 255);
                png.setRGB(p % 28, p / 28, (v << 16) | (v << 8) | v);
            }
            Path file = dir.resolve("digit" + i + ".png");
            ImageIO.write(png, "png", file.toFile());
            Cli r = Cli.run("predict", "--model", model.toString(), file.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            String predicted = j.get("files").get(0).get("class").asText();
            if (predicted.equals(mnist.test().classNames().get(mnist.test().label(i)))) {
                correct++;
            }
        }
        assertTrue(correct >= 14, correct + " of " + n + " PNG digits predicted correctly");
    }
}
