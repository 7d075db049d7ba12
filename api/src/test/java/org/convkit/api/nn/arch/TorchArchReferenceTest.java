package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The zoo and the lecture's notation example against PyTorch 1.13 modules written independently
 * (torchvision's AlexNet, VGG and ResNet retyped, rank-generic): parameter counts, output shapes,
 * the shape after every layer of the sequential networks and after every stage of the graphs.
 * The numbers are in {@code arch_reference.json}, written by {@code arch_reference.py} in the same
 * resource folder (run it with /usr/bin/python3 to regenerate).
 */
class TorchArchReferenceTest {

    private static JsonNode cases() throws IOException {
        try (InputStream in = TorchArchReferenceTest.class.getResourceAsStream("arch_reference.json")) {
            return new ObjectMapper().readTree(in).get("cases");
        }
    }

    private static int[] ints(JsonNode a) {
        return StreamSupport.stream(a.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    @TestFactory
    Stream<DynamicTest> parameterCountsAndShapesMatchTorch() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            String name = c.get("name").asText();
            int[] input = ints(c.get("input"));
            int classes = c.get("classes").asInt();
            tests.add(DynamicTest.dynamicTest(name + " " + Arrays.toString(input) + " " + classes, () -> {
                Architecture a = Zoo.contains(name) ? Zoo.build(name, input, classes)
                        : Architecture.fromNotation(name, input, classes);
                Summary s = a.summary();
                assertEquals(c.get("parameters").asLong(), s.parameters(), "parameters");
                assertArrayEquals(ints(c.get("output")), s.output(), "output shape");
                if (c.has("shapes")) {
                    List<String> want = new ArrayList<>();
                    c.get("shapes").forEach(x -> want.add(Arrays.toString(ints(x))));
                    assertEquals(want, s.rows().stream().map(r -> Arrays.toString(r.outputShape())).toList(),
                            "shape after every layer");
                } else {
                    Map<String, int[]> shapes = ShapeInference.shapes(a.spec(), input);
                    c.get("checkpoints").fields().forEachRemaining(e -> assertArrayEquals(ints(e.getValue()),
                            shapes.get(node(name, e.getKey())), e.getKey()));
                }
            }));
        }
        return tests.stream();
    }

    /** Our node for a torch stage: a ResNet stage ends with its last block's ReLU. */
    private static String node(String net, String stage) {
        if (stage.startsWith("layer")) {
            int blocks = (net.equals("resnet18") ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3})
                    [stage.charAt(5) - '1'];
            return stage + "_" + (blocks - 1) + "_relu";
        }
        return stage.equals("bottom") ? "bottom_relu2" : stage;
    }
}
