package org.convkit.domains.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.Metadata;
import org.convkit.api.io.DataFileException;
import org.convkit.api.nd.FloatNd;
import org.convkit.api.nd.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramesFormatTest {

    @TempDir
    Path dir;

    private final FramesFormat frames = new FramesFormat();

    private Path ffmpegFrames() throws URISyntaxException {
        return Path.of(getClass().getResource("ffmpeg-frames").toURI());
    }

    /** A writable copy of ffmpeg's three frames. */
    private Path copyOfFfmpegFrames() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (Stream<Path> s = Files.list(ffmpegFrames())) {
            for (Path p : s.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    @Test
    void readsFfmpegsNumberedPngsAsOneClip() throws Exception {
        DataFile d = frames.read(ffmpegFrames());
        assertEquals(Shape.of(3, 3, 5, 7), d.data().shape());
        byte[] rgb = Files.readAllBytes(ffmpegFrames().resolveSibling("c444.rgb24"));
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 35; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals((rgb[(f * 35 + i) * 3 + c] & 0xff) / 255f, d.data().getDouble((c * 3 + f) * 35 + i),
                            1e-7, "frame " + f + " pixel " + i + " channel " + c);
                }
            }
        }
        assertTrue(Double.isNaN(d.metadata().sampleRate()), "no sidecar, no rate");
    }

    @Test
    void aFolderIsRecognisedThroughTheLookupAndTheVideoDomain() throws Exception {
        assertEquals("frames", Domains.formatFor(ffmpegFrames(), new VideoDomain().formats()).name());
        assertEquals("frames", new VideoDomain().read(ffmpegFrames()).format());
    }

    @Test
    void aMissingFrameNumberIsNamed() throws Exception {
        Path copy = copyOfFfmpegFrames();
        Files.delete(copy.resolve("frame0002.png"));
        DataFileException e = assertThrows(DataFileException.class, () -> frames.read(copy));
        assertTrue(e.getMessage().contains("frame number 2 is missing"), e.getMessage());
    }

    @Test
    void twoSequencesInOneFolderAreRefused() throws Exception {
        Path copy = copyOfFfmpegFrames();
        Files.copy(copy.resolve("frame0001.png"), copy.resolve("thumb01.png"));
        DataFileException e = assertThrows(DataFileException.class, () -> frames.read(copy));
        assertTrue(e.getMessage().contains("2 sequences"), e.getMessage());
    }

    @Test
    void aFrameOfAnotherSizeIsNamed() throws Exception {
        Path copy = copyOfFfmpegFrames();
        new org.convkit.domains.image.PngFormat().write(new DataFile("png", FloatNd.zeros(Shape.of(3, 4, 4)),
                Metadata.NONE), copy.resolve("frame0003.png"));
        DataFileException e = assertThrows(DataFileException.class, () -> frames.read(copy));
        assertTrue(e.getMessage().contains("frame0003.png") && e.getMessage().contains("frame 3 is 3x4x4"),
                e.getMessage());
    }

    @Test
    void aTruncatedFrameFileIsAnErrorNamingIt() throws Exception {
        Path copy = copyOfFfmpegFrames();
        byte[] b = Files.readAllBytes(copy.resolve("frame0002.png"));
        Files.write(copy.resolve("frame0002.png"), Arrays.copyOf(b, b.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> frames.read(copy));
        assertTrue(e.getMessage().contains("frame0002.png"), e.getMessage());
    }

    @Test
    void theFrameRateTravelsInTheSidecarAndABadOneIsNamed() throws Exception {
        DataFile clip = new DataFile("frames", FloatNd.zeros(Shape.of(1, 2, 3, 3)), Metadata.NONE.withSampleRate(12.5));
        Path out = dir.resolve("clip.frames");
        frames.write(clip, out);
        assertEquals(12.5, frames.read(out).metadata().sampleRate());
        assertTrue(Files.isRegularFile(out.resolve("frame0001.png")) && Files.isRegularFile(out.resolve("frame0002.png")));
        Files.writeString(out.resolve(FramesFormat.SIDECAR), "frameRate=fast\n");
        DataFileException e = assertThrows(DataFileException.class, () -> frames.read(out));
        assertTrue(e.getMessage().contains("'frameRate'"), e.getMessage());
    }

    @Test
    void writesOnlyIntoANewOrEmptyFolder() throws Exception {
        DataFile clip = new DataFile("frames", FloatNd.zeros(Shape.of(3, 1, 2, 2)), Metadata.NONE);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        frames.write(clip, empty);
        assertEquals(Shape.of(3, 1, 2, 2), frames.read(empty).data().shape());
        assertThrows(FileAlreadyExistsException.class, () -> frames.write(clip, empty));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(),
                    "no temporary folder left behind");
        }
    }

    @Test
    void aFolderWithoutNumberedImagesIsNotRecognised() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("notes.txt"), "hello");
        assertTrue(!frames.recognises(plain, new byte[0]));
        assertThrows(DataFileException.class, () -> frames.read(plain));
    }
}
