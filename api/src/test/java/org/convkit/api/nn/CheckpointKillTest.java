package org.convkit.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL while it saves checkpoints leaves a whole checkpoint behind: the
 * last one it finished, or the one it was writing if the rename happened. Whatever moment the kill
 * lands on, the file must load and be one consistent save (tensors and trainer state of the same
 * save). The kill is aimed late in a save, where the bytes are written, but the assertions hold
 * wherever it lands.
 */
class CheckpointKillTest {

    @TempDir
    Path dir;

    @Test
    void checkpointSurvivesAKillDuringASave() throws Exception {
        Path file = dir.resolve("train.ckpt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CheckpointWriterMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertNotNull(out.readLine(), "the writer process ended before its first save");
            long start = System.nanoTime();
            assertNotNull(out.readLine(), "the writer process ended before its second save");
            long oneSave = System.nanoTime() - start;
            assertNotNull(out.readLine(), "the writer process ended before its third save");
            // Aim the kill late in the next save, where the file is written; any moment must be safe.
            TimeUnit.NANOSECONDS.sleep(oneSave * 3 / 4);
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed writer did not end");
        } finally {
            child.destroyForcibly();
        }
        Checkpoint.Contents c = Checkpoint.load(file, SpecOnlyModel::new);
        int k = c.trainerState().get("epoch").asInt();
        ModelFileTest.assertSameTensors(SpecOnlyModel.random(CheckpointWriterMain.SPEC, k % 2).parameters(),
                c.loaded().model().parameters());
        assertEquals(CheckpointTest.trainerState(k), c.trainerState());
    }
}
