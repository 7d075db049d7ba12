package org.convkit.domains.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convkit.api.domain.DataFile;
import org.convkit.api.domain.Domains;
import org.convkit.api.domain.FileFormat;

/**
 * RIFF/WAVE audio, read into {@code [channels, samples]} float64 in {@code [-1, 1)} (floats as
 * stored) and written from it.
 *
 * <p><b>Reading.</b> Sample encodings: PCM 8-bit unsigned, 16, 24 and 32-bit signed, IEEE float 32
 * and 64, plain or WAVE_FORMAT_EXTENSIBLE (subformat PCM or IEEE float), any channel count (see
 * {@link WavSampleFormat} for the scaling). Chunks other than {@code fmt } and {@code data}
 * ({@code LIST}, {@code fact}, {@code bext}, ...) are skipped, odd-sized ones with their pad byte;
 * reading stops at the {@code data} chunk, so nothing after it matters. Sizes:
 * <ul>
 *   <li>a {@code data} size larger than what follows its header is an error naming
 *       {@code data chunk size}, except the streaming placeholder {@code 0xFFFFFFFF}, which is
 *       taken as "to the end of the file";</li>
 *   <li>a trailing partial frame (a data size that is not a whole number of frames) is dropped;</li>
 *   <li>the RIFF size is trusted only when it fits in the file: then chunks past it are ignored
 *       (trailing bytes) and {@code fmt }/{@code data} must lie within it; a RIFF size beyond the end
 *       of the file (streaming writers, cut files) is ignored and chunks are read to the end of the
 *       file, each checked against the file length.</li>
 * </ul>
 * RF64, A-law, mu-law and compressed encodings are refused with the field named.
 *
 * <p><b>Metadata.</b> The sample rate; channels labelled {@code "mono"} for one channel,
 * {@code "left", "right"} for two and {@code "ch0", "ch1", ...} otherwise (WAV stores no names, so
 * labels given to the writer are not kept); properties {@value #FORMAT} (the encoding,
 * {@link WavSampleFormat#label()}), {@value #EXTENSIBLE} ({@code "true"} or {@code "false"}), for
 * extensible files {@value #CHANNEL_MASK} (hex) and, when fewer bits are significant than stored,
 * {@value #VALID_BITS}.
 *
 * <p><b>Writing.</b> The encoding is the {@value #FORMAT} property's, PCM16 when absent (the common
 * denominator every player reads); PCM is rounded to the nearest step and clipped, non-finite
 * samples are refused. The file is WAVE_FORMAT_EXTENSIBLE when {@value #EXTENSIBLE} says so, else,
 * when the property is absent, for more than two channels or more than 16 bits (Microsoft's rule,
 * which sox follows). Float files get a {@code fact} chunk. The sample rate is rounded to whole Hz.
 * Writes are atomic.
 */
public final class WavFormat implements FileFormat {

    /** The format's name. */
    public static final String NAME = "wav";
    /** The property naming the sample encoding ({@link WavSampleFormat#label()}). */
    public static final String FORMAT = "wav.format";
    /** The property saying whether the file is (to be) WAVE_FORMAT_EXTENSIBLE. */
    public static final String EXTENSIBLE = "wav.extensible";
    /** The property holding the extensible speaker mask, e.g. {@code "0x3"}. */
    public static final String CHANNEL_MASK = "wav.channelMask";
    /** The property holding the significant bits per sample when fewer than the container's. */
    public static final String VALID_BITS = "wav.validBits";
    /** The encoding written when {@link #FORMAT} is absent. */
    public static final WavSampleFormat DEFAULT = WavSampleFormat.PCM16;

    private static final List<String> EXTENSIONS = List.of("wav", "wave");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return EXTENSIONS;
    }

    /** By the {@code RIFF....WAVE} (or {@code RF64....WAVE}) magic, else by a {@code .wav}/{@code .wave} name. */
    @Override
    public boolean recognises(Path file, byte[] head) {
        if (head.length >= 12 && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E') {
            String id = new String(head, 0, 4, StandardCharsets.US_ASCII);
            if (id.equals("RIFF") || id.equals("RF64")) {
                return true;
            }
        }
        return Domains.hasExtension(file, EXTENSIONS);
    }

    @Override
    public DataFile read(Path file) throws IOException {
        return WavReader.read(file);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(DataFile file, Path target) throws IOException {
        WavWriter.write(file, target);
    }

    /** The labels the reader gives {@code channels} channels (see the class comment). */
    public static List<String> channelLabels(int channels) {
        if (channels == 1) {
            return List.of("mono");
        }
        if (channels == 2) {
            return List.of("left", "right");
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            labels.add("ch" + c);
        }
        return labels;
    }
}
