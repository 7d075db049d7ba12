package org.convkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.convkit.api.io.DataFileException;
import org.convkit.cli.bench.Workload;
import org.convkit.cli.bench.Workloads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code convkit} command. {@link #run} executes a command line in-process (tests use it); an
 * error prints one line on the error writer, naming the file and the problem, and the stack trace
 * only with {@code --verbose}.
 */
@Command(name = "convkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Convolution, difference-equation filters and convolutional networks for the JVM,",
                "checked against numpy, scipy and PyTorch."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.BAD_INPUT_LINE})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private Main() {
    }

    public static void main(String[] args) {
        // plots are drawn off-screen: never open a display connection, even when DISPLAY is set
        System.setProperty("java.awt.headless", "true");
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs {@code args} with the given writers; returns the exit code (0 ok, 1 failure, 2 bad usage or input). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Workloads::all);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, benchmarking the given workloads. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<List<Workload>> workloads) {
        CommandLine cl = new CommandLine(new Main())
                .addSubcommand(new ArchCommand())
                .addSubcommand(new ConformanceCommand())
                .addSubcommand(new ConvolveCommand())
                .addSubcommand(new ExplainCommand())
                .addSubcommand(new FeaturesCommand())
                .addSubcommand(new FilterCommand())
                .addSubcommand(new FilterInfoCommand())
                .addSubcommand(new BenchCommand(workloads))
                .addSubcommand(new InfoCommand())
                .addSubcommand(new PluginsCommand())
                .addSubcommand(new ConvertCommand())
                .addSubcommand(new TrainCommand())
                .addSubcommand(new EvaluateCommand())
                .addSubcommand(new PredictCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new SpectrogramCommand())
                .addSubcommand(new KernelCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, cmd, parsed));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand: the usage on the error writer, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static int failure(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        boolean badInput = t instanceof BadInputException || t instanceof DataFileException
                || t instanceof FileSystemException || t instanceof IllegalArgumentException;
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(t));
        if (verbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    /** One line: the file and the problem. */
    private static String message(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or folder";
        }
        if (t instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof FileSystemException e && !(t instanceof DataFileException)) {
            return e.getMessage();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        boolean ours = t instanceof BadInputException || t instanceof IOException || t instanceof IllegalArgumentException;
        return (ours ? m : t.getClass().getSimpleName() + ": " + m).replace('\n', ' ');
    }

    private static boolean verbose(ParseResult p) {
        for (ParseResult r = p; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
