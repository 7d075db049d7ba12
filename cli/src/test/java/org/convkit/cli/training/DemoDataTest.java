package org.convkit.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.convkit.api.nd.Shape;
import org.convkit.api.nn.train.IdxFolder;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void theBundledMnistSubsetHas2000TrainingAnd500TestDigits() throws IOException {
        IdxFolder mnist = DemoData.bundledMnist();
        assertEquals(2000, mnist.train().size());
        assertEquals(500, mnist.test().size());
        assertEquals(Shape.of(1, 28, 28), mnist.train().sampleShape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), mnist.train().classNames());
    }

    @Test
    void modelDomainReadsBackWhatDescribeWrote() {
        var p = new org.convkit.api.nn.ModelMetadata.Provenance("0.1.0", 1, ModelDomain.describe("eeg", "/data/x y"),
                "2026-11-27T00:00:00Z", "17");
        var m = new org.convkit.api.nn.ModelMetadata(List.of("a"), new int[] {1, 4}, null, null, p);
        assertEquals("eeg", ModelDomain.of(m).orElseThrow());
    }
}
