package org.convkit.cli;

import java.util.ArrayList;
import java.util.List;
import org.convkit.api.signal.Butterworth.Band;
import org.convkit.api.signal.ButterworthFilter;
import org.convkit.api.signal.Filter;
import org.convkit.api.signal.FilterChain;
import org.convkit.api.signal.IirFilter;
import org.convkit.api.signal.MovingAverageFilter;
import org.convkit.api.signal.NotchFilter;
import picocli.CommandLine.Option;

/**
 * The filter-chain options shared by {@code filter} and {@code filter-info}. Steps run in the order
 * they are given on the command line; {@code --order}, {@code --fs}, {@code --notch-q} and
 * {@code --zero-phase} apply to every designed step wherever they appear. Picocli validates the
 * values; the order of steps is read back from the original arguments.
 */
final class FilterOptions {

    @Option(names = "--moving-average", paramLabel = "W", description = "Moving average of W samples (numpy.convolve 'same').")
    List<Integer> movingAverage = new ArrayList<>();

    @Option(names = "--lowpass", paramLabel = "F", description = "Butterworth low-pass at F Hz.")
    List<Double> lowpass = new ArrayList<>();

    @Option(names = "--highpass", paramLabel = "F", description = "Butterworth high-pass at F Hz.")
    List<Double> highpass = new ArrayList<>();

    @Option(names = "--bandpass", arity = "2", paramLabel = "F", description = "Butterworth band-pass between F1 and F2 Hz.")
    List<Double> bandpass = new ArrayList<>();

    @Option(names = "--bandstop", arity = "2", paramLabel = "F", description = "Butterworth band-stop between F1 and F2 Hz.")
    List<Double> bandstop = new ArrayList<>();

    @Option(names = "--notch", paramLabel = "F", description = "Notch at F Hz (scipy.signal.iirnotch), e.g. 50 or 60 for mains.")
    List<Double> notch = new ArrayList<>();

    @Option(names = "--ba", paramLabel = "B;A", description = "A difference equation: \"b0,b1,..;a0,a1,..\".")
    List<String> ba = new ArrayList<>();

    @Option(names = "--order", paramLabel = "N", defaultValue = "4", description = "Butterworth order (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--notch-q", paramLabel = "Q", defaultValue = "30", description = "Notch quality factor (default: ${DEFAULT-VALUE}).")
    double notchQ;

    @Option(names = "--fs", paramLabel = "HZ", description = "Sampling rate in Hz; needed by the designed filters.")
    Double fs;

    @Option(names = "--zero-phase", description = "Run designed and --ba filters forwards and backwards (filtfilt).")
    boolean zeroPhase;

    /** The chain in command-line order. */
    FilterChain chain(List<String> originalArgs) {
        List<Filter> steps = new ArrayList<>();
        int[] next = new int[7];
        for (String arg : originalArgs) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            try {
                switch (name) {
                    case "--moving-average" -> steps.add(new MovingAverageFilter(movingAverage.get(next[0]++)));
                    case "--lowpass" -> steps.add(butter(name, Band.LOWPASS, lowpass.get(next[1]++)));
                    case "--highpass" -> steps.add(butter(name, Band.HIGHPASS, highpass.get(next[2]++)));
                    case "--bandpass" -> steps.add(butter(name, Band.BANDPASS, bandpass.get(2 * next[3]), bandpass.get(2 * next[3]++ + 1)));
                    case "--bandstop" -> steps.add(butter(name, Band.BANDSTOP, bandstop.get(2 * next[4]), bandstop.get(2 * next[4]++ + 1)));
                    case "--notch" -> steps.add(new NotchFilter(notch.get(next[5]++), notchQ, fs(name), zeroPhase));
                    case "--ba" -> steps.add(parseBa(ba.get(next[6]++)));
                    default -> {
                        // not a step option
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException(name + ": " + e.getMessage(), e);
            }
        }
        if (steps.isEmpty()) {
            throw new BadInputException("no filter given: use --moving-average, --lowpass, --highpass, --bandpass, "
                    + "--bandstop, --notch or --ba");
        }
        return new FilterChain(steps);
    }

    private Filter butter(String option, Band band, double... cutoffs) {
        return new ButterworthFilter(band, order, cutoffs, fs(option), zeroPhase);
    }

    private double fs(String option) {
        if (fs == null) {
            throw new BadInputException(option + " needs --fs (the sampling rate in Hz)");
        }
        return fs;
    }

    private IirFilter parseBa(String text) {
        String[] parts = text.split(";", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected \"b0,b1,..;a0,a1,..\", got \"" + text + "\"");
        }
        return new IirFilter(numbers(parts[0]), numbers(parts[1]), zeroPhase);
    }

    private static double[] numbers(String csv) {
        String[] cells = csv.split(",", -1);
        double[] v = new double[cells.length];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(cells[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cells[i].trim() + "' is not a number");
            }
        }
        return v;
    }
}
