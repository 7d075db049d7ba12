package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-file Java programs in {@code cli/scripts} (run by the Python scripts on the built jar)
 * still compile against the library, so a change of its API cannot leave them broken unnoticed.
 */
class ScriptsCompileTest {
    @Test
    void everyJavaScriptCompilesAgainstTheLibrary(@TempDir Path out) throws IOException, InterruptedException {
        List<String> scripts;
        try (Stream<Path> files = Files.list(Path.of("scripts"))) {
            scripts = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        assertTrue(scripts.contains(Path.of("scripts", "MnistSameStart.java").toString()), scripts.toString());

        // the tests run on the module path: the library's classes are there, not on the class path
        String libraries = Stream.of("jdk.module.path", "java.class.path").map(System::getProperty)
                .filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining(File.pathSeparator));
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        List<String> command = new ArrayList<>(List.of(javac, "-d", out.toString(), "-classpath", libraries,
                "--add-modules", "jdk.incubator.vector"));
        command.addAll(scripts);
        Process compile = new ProcessBuilder(command).redirectErrorStream(true).start();
        String messages = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, compile.waitFor(), messages);
        assertTrue(Files.exists(out.resolve("MnistSameStart.class")), messages);
    }
}
