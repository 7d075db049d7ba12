package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convkit.api.nn.LoadedModel;
import org.convkit.api.nn.ModelFile;
import org.convkit.cli.testdomain.TestData;
import org.convkit.cli.training.ModelDomain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and predict in-process on the test domain: exit codes, output text and JSON, files written. */
class TrainEvaluatePredictTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path train;
    static Path test;
    static Path model;
    static Cli trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        train = TestData.classFolders(dir.resolve("train"), 12, 1L);
        test = TestData.classFolders(dir.resolve("test"), 6, 99L);
        model = dir.resolve("m.ckpt");
        trained = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "8", "--batch",
                "16", "--lr", "0.01", "--threads", "2", "-o", model.toString(), "--json", "--plots",
                dir.resolve("plots").toString());
    }

    @Test
    void trainWritesTheModelTheCheckpointAndAJsonSummary() throws IOException {
        assertEquals(0, trained.code(), trained.err());
        assertTrue(Files.isRegularFile(model));
        assertTrue(Files.isRegularFile(dir.resolve("m.ckpt.partial")));
        JsonNode j = JSON.readTree(trained.out());
        assertEquals("test-signal", j.get("domain").asText());
        assertEquals(8, j.get("epochs").asInt());
        // 12 files of 4 windows per class; 20% of each class held out
        assertEquals(96, j.get("samples").asInt());
        assertEquals(77 + 19, j.get("trainSamples").asInt() + j.get("validationSamples").asInt());
        assertEquals(8, j.get("history").size());
        assertTrue(j.get("validation").get("accuracy").asDouble() > 0.8, trained.out());
    }

    @Test
    void theModelRecordsClassesShapeDomainAndPreprocessing() throws IOException {
        LoadedModel m = ModelFile.load(model);
        assertEquals(List.of("high", "low"), m.metadata().classNames());
        assertEquals(List.of(2, 64), java.util.Arrays.stream(m.metadata().inputShape()).boxed().toList());
        assertEquals("test-signal", ModelDomain.of(m.metadata()).orElseThrow());
        assertTrue(m.metadata().preprocessing().toJson().contains("bandpass"), m.metadata().preprocessing().toJson());
    }

    @Test
    void trainPlotsAreReadablePngs() throws IOException {
        assertEquals(1400, ImageIO.read(dir.resolve("plots/training-curves.png").toFile()).getWidth());
        assertTrue(ImageIO.read(dir.resolve("plots/validation-confusion.png").toFile()).getWidth() > 600);
    }

    @Test
    void evaluateJsonHasAccuracyPerClassAndConfusion() throws IOException {
        Cli r = Cli.run("evaluate", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.get("accuracy").asDouble() > 0.8, r.out());
        assertEquals(48, j.get("samples").asInt());
        assertTrue(j.get("perClass").has("low") && j.get("perClass").get("low").has("f1"), r.out());
        assertEquals(2, j.get("confusion").size());
        int total = 0;
        for (JsonNode row : j.get("confusion")) {
            for (JsonNode v : row) {
                total += v.asInt();
            }
        }
        assertEquals(48, total);
    }

    @Test
    void evaluateTextShowsAccuracyAndTheConfusionTable() {
        Cli r = Cli.run("evaluate", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("accuracy") && r.out().contains("true\\pred") && r.out().contains("precision"),
                r.out());
    }

    @Test
    void predictGivesOneClassPerFileAndOnePerWindow() throws IOException {
        Path low = TestData.file(dir.resolve("low.tsig"), 0, 555L);
        Path high = TestData.file(dir.resolve("high.tsig"), 1, 556L);
        Cli r = Cli.run("predict", "--model", model.toString(), low.toString(), high.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "the files are filtered as in training: no note");
        JsonNode files = JSON.readTree(r.out()).get("files");
        assertEquals("low", files.get(0).get("class").asText());
        assertEquals("high", files.get(1).get("class").asText());
        assertEquals(4, files.get(0).get("samples").size());
        double sum = files.get(0).get("probabilities").get("low").asDouble()
                + files.get(0).get("probabilities").get("high").asDouble();
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void predictCsvGoesToTheOutputFile() throws IOException {
        Path low = TestData.file(dir.resolve("low2.tsig"), 0, 557L);
        Path csv = dir.resolve("pred.csv");
        Cli r = Cli.run("predict", "--model", model.toString(), low.toString(), "--csv", "-o", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("file,sample,class,p_high,p_low", lines.get(0));
        assertEquals(1 + 1 + 4, lines.size());
        assertTrue(lines.get(1).contains(",-1,low,"), lines.get(1));
    }

    @Test
    void resumingTheFinishedCheckpointForMoreEpochsContinues() throws IOException {
        Path more = dir.resolve("more.ckpt");
        Files.copy(dir.resolve("m.ckpt.partial"), dir.resolve("more.ckpt.partial"));
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "9", "--batch",
                "16", "--lr", "0.01", "-o", more.toString(), "--resume", dir.resolve("more.ckpt.partial").toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(9, j.get("history").size());
        assertEquals(9, j.get("history").get(8).get("epoch").asInt());
    }

    @Test
    void textSummaryNamesTheModelAndPrintsOneLinePerEpoch() {
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "2", "-o",
                dir.resolve("t.ckpt").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("epoch 1/2") && r.out().contains("epoch 2/2"), r.out());
        assertTrue(r.out().contains("model       " + dir.resolve("t.ckpt")), r.out());
        assertFalse(r.err().contains("%"), "progress bars on stderr in a test: " + r.err());
    }

    @Test
    void withoutAValidationSetTheSummaryHasNoValidationAndThePlotsStillDraw() throws IOException {
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "1",
                "--val-split", "0", "-o", dir.resolve("noval.ckpt").toString(), "--json", "--plots",
                dir.resolve("noval-plots").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.get("validation").isNull(), r.out());
        assertEquals(0, j.get("validationSamples").asInt());
        assertTrue(j.get("history").get(0).get("validationLoss").isNull(), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("noval-plots/training-curves.png")));
        assertFalse(Files.exists(dir.resolve("noval-plots/validation-confusion.png")));
    }

    private static double firstEpochLoss(String shift) throws IOException {
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "1",
                "--augment-shift", shift, "-o", dir.resolve("shift" + shift + ".ckpt").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out()).get("history").get(0).get("trainLoss").asDouble();
    }

    @Test
    void augmentShiftMovesTheTrainingSignalsAndZeroTrainsAsWithout() throws IOException {
        Cli plain = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "1",
                "-o", dir.resolve("plain.ckpt").toString(), "--json");
        assertEquals(0, plain.code(), plain.err());
        double without = JSON.readTree(plain.out()).get("history").get(0).get("trainLoss").asDouble();
        assertEquals(without, firstEpochLoss("0"));
        assertNotEquals(without, firstEpochLoss("8"));
    }

    @Test
    void aNegativeAugmentShiftIsBadInput() {
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--augment-shift", "-2",
                "-o", dir.resolve("neg.ckpt").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--augment-shift must be >= 0, got -2"), r.err());
        assertFalse(Files.exists(dir.resolve("neg.ckpt")));
    }

    @Test
    void earlyStoppingIsReportedInTheSummary() throws IOException {
        Cli r = Cli.run("train", "--domain", "test-signal", "--data", train.toString(), "--epochs", "3",
                "--early-stop", "1", "-o", dir.resolve("es.ckpt").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.get("stoppedEarly").isBoolean());
        assertTrue(j.get("bestEpoch").asInt() >= 1 && j.get("bestEpoch").asInt() <= j.get("epochs").asInt(), r.out());
    }

    @Test
    void predictNotesAFileFilteredOtherwiseThanTheModelRecords() throws IOException {
        LoadedModel m = ModelFile.load(model);
        var md = m.metadata();
        Path other = dir.resolve("unfiltered.ckpt");
        ModelFile.save(other, m.model(), new org.convkit.api.nn.ModelMetadata(md.classNames(), md.inputShape(),
                md.normalisation(), null, md.provenance()));
        Path low = TestData.file(dir.resolve("low3.tsig"), 0, 558L);
        Cli r = Cli.run("predict", "--model", other.toString(), low.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("note: " + low) && r.err().contains("no filter"), r.err());
    }
}
