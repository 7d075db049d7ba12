package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchCommandTest {

    @Test
    void theLecturesNotationPrintsItsLayersAndTotal() {
        Cli r = Cli.run("arch", "(CR) 2P(CR) 2P(CR) 2PF", "--input", "1x28x28", "--classes", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("notation:   (CR)2P(CR)2P(CR)2PF"), r.out());
        assertTrue(r.out().contains("output:     [10]"), r.out());
        // 320 + 9,248 + 18,496 + 36,928 + 73,856 + 147,584 + (128 * 3 * 3 * 10 + 10) = 297,962 (torch agrees)
        assertTrue(r.outLines().get(r.outLines().size() - 1).equals("total parameters: 297,962"), r.out());
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("maxpool15\\s+maxpool\\s+\\[128, 3, 3\\]\\s+0")), r.out());
    }

    @Test
    void aZooNameWithJsonGivesNotationParametersAndLayers() throws Exception {
        Cli r = Cli.run("arch", "vgg16", "--input", "3x224x224", "--classes", "1000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(138_357_544L, j.get("parameters").asLong());
        assertTrue(j.get("notation").asText().startsWith("(C[64]R)2P"), r.out());
        JsonNode first = j.get("layers").get(0);
        assertEquals("conv1", first.get("name").asText());
        assertEquals("[64,224,224]", first.get("outputShape").toString());
        assertEquals(1792, first.get("parameters").asLong());
        long sum = 0;
        for (JsonNode l : j.get("layers")) {
            sum += l.get("parameters").asLong();
        }
        assertEquals(138_357_544L, sum);
    }

    @Test
    void aGraphNetworkHasANullNotationInJson() throws Exception {
        Cli r = Cli.run("arch", "resnet18", "--input", "3x64x64", "--classes", "10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("notation").isNull(), r.out());
        assertEquals("[10]", j.get("output").toString());
    }

    @Test
    void theInputsRankPicksOneDimensionalLayers() throws Exception {
        Cli r = Cli.run("arch", "eegnet", "--input", "22x1000", "--classes", "4", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("[16,1000]", new ObjectMapper().readTree(r.out()).get("layers").get(0).get("outputShape").toString());
    }

    @Test
    void badNotationGivesOneLineWithThePositionAndACaretAndExitCode2() {
        Cli r = Cli.run("arch", "(CR)2Px", "--input", "1x28x28");
        assertEquals(2, r.code());
        assertEquals(List.of(
                "convkit arch: bad notation at 7: expected a digit, '[', '(' or a layer letter (C R P A G F D B), got 'x'",
                "  (CR)2Px",
                "        ^"), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void aNotationThatDoesNotFitTheInputPointsAtTheLetter() {
        Cli r = Cli.run("arch", "(CP)3F", "--input", "1x4x4");
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).startsWith("convkit arch: bad notation at 3: P (maxpool6): "), r.err());
        assertEquals("    ^", r.errLines().get(2));
    }

    @Test
    void aMisspelledZooNameIsReportedAsSuch() {
        Cli r = Cli.run("arch", "vgg17", "--input", "3x32x32");
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).startsWith("convkit arch: 'vgg17' is no zoo network (there are lenet1989,"),
                r.err());
    }

    @Test
    void badInputShapeExitsWith2NamingTheValue() {
        Cli r = Cli.run("arch", "lenet5", "--input", "1x32xx32");
        assertEquals(2, r.code());
        assertEquals(List.of("convkit arch: --input '1x32xx32' is not CxL, CxHxW or CxDxHxW (2 to 4 positive whole"
                + " numbers separated by 'x', channels first)"), r.errLines());
    }

    @Test
    void anInputTheNetworkCannotTakeExitsWith2NamingIt() {
        Cli r = Cli.run("arch", "unet", "--input", "1x30x30", "--classes", "2");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("divisible by 16") && r.err().contains("[1, 30, 30]"), r.err());
    }

    @Test
    void listShowsEveryZooNetwork() {
        Cli r = Cli.run("arch", "--list");
        assertEquals(0, r.code(), r.err());
        assertEquals(14, r.outLines().size(), r.out());
        assertTrue(r.outLines().get(0).startsWith("lenet1989"), r.out());
    }

    @Test
    void archIsListedInTheMainHelpAndItsHelpShowsTheExitCodes() {
        assertTrue(Cli.run("--help").out().contains("arch"));
        Cli r = Cli.run("arch", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("2   bad usage"), r.out());
    }

    @Test
    void withoutAModelOrInputItIsBadUsage() {
        Cli r = Cli.run("arch", "vgg11");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--input"), r.err());
    }
}
