package org.convkit.domains.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convkit.api.domain.DataFile;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files made by ImageMagick ({@code make_fixtures.sh}) read to the values ImageMagick decodes from
 * them (its {@code txt:} pixel enumeration, recorded next to each file).
 */
class ImageFixturesTest {

    private static final Pattern PIXEL = Pattern.compile("^(\\d+),(\\d+): \\(([^)]*)\\)");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "grey8.png, png, 1, 8, 0",
        "grey16.png, png, 1, 16, 0",
        "rgb8.png, png, 3, 8, 0",
        "rgb16.png, png, 3, 16, 0",
        "rgba8.png, png, 4, 8, 0",
        "palette.png, png, 3, 8, 0",
        "palette-alpha.png, png, 4, 8, 0",
        "greyalpha8.png, png, 2, 8, 0",
        "palette.gif, gif, 3, 8, 0",
        "rgb8.bmp, bmp, 3, 8, 0",
        "grey8.bmp, bmp, 3, 8, 0",
        "palette.bmp, bmp, 3, 8, 0",
        "rgb8.tif, tiff, 3, 8, 0",
        "rgb16.tif, tiff, 3, 16, 0",
        "grey16.tif, tiff, 1, 16, 0",
        // two IDCTs (libjpeg-turbo in ImageMagick, the JDK's own) may differ by a few levels
        "rgb8.jpg, jpeg, 3, 8, 0.02",
    })
    void readsTheValuesImageMagickDecodes(String name, String format, int channels, int bits, double tolerance)
            throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource(name).toURI());
        DataFile d = new ImageDomain().read(file);
        assertEquals(format, d.format());
        assertEquals(Shape.of(channels, 4, 5), d.data().shape());
        assertEquals(Integer.toString(bits), d.metadata().properties().get(ImageIoFormat.BIT_DEPTH));
        List<String> txt = Files.readAllLines(file.resolveSibling(name + ".txt"));
        double max = Double.parseDouble(txt.get(0).split(": ")[1].split(",")[2]);
        int checked = 0;
        for (String line : txt.subList(1, txt.size())) {
            Matcher m = PIXEL.matcher(line);
            assertTrue(m.find(), line);
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            String[] v = m.group(3).split(",");
            for (int c = 0; c < channels; c++) {
                // ImageMagick lists grey as three equal values, alpha last
                int k = c == channels - 1 && (channels == 2 || channels == 4) ? v.length - 1 : c;
                double expected = Double.parseDouble(v[k]) / max;
                double got = d.data().getDouble((c * 4 + y) * 5 + x);
                assertEquals(expected, got, tolerance + 1e-7, name + " pixel " + x + "," + y + " channel " + c);
                checked++;
            }
        }
        assertEquals(channels * 20, checked);
    }
}
