package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convkit.api.nn.GraphSpec;
import org.convkit.api.nn.SequentialSpec;
import org.junit.jupiter.api.Test;

class ZooTest {
    private static final int[] IMAGENET = {3, 224, 224};

    private static long parameters(String name) {
        return Zoo.build(name, IMAGENET, 1000).summary().parameters();
    }

    // the counts torchvision's documentation lists for its ImageNet models ("Params" column)

    @Test
    void alexnetHasTorchvisionsParameterCount() {
        assertEquals(61_100_840L, parameters("alexnet"));
    }

    @Test
    void vgg16HasTorchvisionsParameterCount() {
        assertEquals(138_357_544L, parameters("vgg16"));
    }

    @Test
    void vgg11Vgg13AndVgg19HaveTorchvisionsParameterCounts() {
        assertEquals(List.of(132_863_336L, 133_047_848L, 143_667_240L),
                List.of(parameters("vgg11"), parameters("vgg13"), parameters("vgg19")));
    }

    @Test
    void resnet18HasTorchvisionsParameterCount() {
        assertEquals(11_689_512L, parameters("resnet18"));
    }

    @Test
    void resnet34HasTorchvisionsParameterCount() {
        assertEquals(21_797_672L, parameters("resnet34"));
    }

    @Test
    void resnet50HasTorchvisionsParameterCount() {
        assertEquals(25_557_032L, parameters("resnet50"));
    }

    @Test
    void resnet18StemPoolingGives56By56At224AsTorchvisionDoes() {
        // torchvision resnet18: conv1 (7x7, stride 2, padding 3) gives 112x112, maxpool (3, 2, padding 1) 56x56
        Architecture a = Zoo.build("resnet18", IMAGENET, 1000);
        var shapes = ShapeInference.shapes(a.spec(), IMAGENET);
        assertArrayEquals(new int[] {64, 56, 56}, shapes.get("maxpool"));
        assertArrayEquals(new int[] {64, 56, 56}, shapes.get("layer1_1_relu"));
        assertArrayEquals(new int[] {512, 7, 7}, shapes.get("layer4_1_relu"));
    }

    @Test
    void resnetsAreGraphsWithAddNodes() {
        Architecture a = Zoo.build("resnet18", IMAGENET, 1000);
        GraphSpec g = (GraphSpec) a.spec();
        assertEquals(8, g.nodes().stream().filter(n -> n.kind() == GraphSpec.Node.Kind.ADD).count());
        assertNull(a.notation());
    }

    @Test
    void unetGivesOneChannelPerClassAtEveryVoxel() {
        Architecture a = Zoo.build("unet", new int[] {2, 16, 32, 48}, 5);
        assertArrayEquals(new int[] {5, 16, 32, 48}, a.summary().output());
        assertEquals(4, ((GraphSpec) a.spec()).nodes().stream()
                .filter(n -> n.kind() == GraphSpec.Node.Kind.CONCAT).count());
    }

    @Test
    void unetRejectsSizesNotDivisibleBy16NamingTheInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> Zoo.build("unet", new int[] {1, 32, 40}, 2));
        assertTrue(e.getMessage().contains("divisible by 16") && e.getMessage().contains("[1, 32, 40]"), e.getMessage());
    }

    @Test
    void eegNetworksTakeOnlyChannelsByTime() {
        var e = assertThrows(IllegalArgumentException.class, () -> Zoo.build("eegnet", new int[] {1, 22, 1000}, 4));
        assertTrue(e.getMessage().contains("1-d [channels, time]"), e.getMessage());
    }

    @Test
    void sequentialNetworksKeepTheirNotation() {
        Architecture a = Zoo.build("vgg16", new int[] {3, 32, 32}, 10);
        assertEquals(Zoo.notation("vgg16").orElseThrow(), a.notation());
        assertEquals(a.spec(), Notation.parse(a.notation()).build(new int[] {3, 32, 32}, 10));
    }

    @Test
    void theSameNotationBuildsOneTwoAndThreeDimensionalNetworks() {
        for (int[] input : new int[][] {{3, 64}, {3, 64, 64}, {3, 64, 64, 64}}) {
            SequentialSpec s = (SequentialSpec) Zoo.build("alexnet", input, 10).spec();
            assertEquals(input.length - 1, ((org.convkit.api.nn.ConvLayerSpec) s.layers().get(0).spec()).rank());
        }
    }

    @Test
    void anInputTooSmallIsRejectedNamingTheNetworkTheInputAndTheLayer() {
        var e = assertThrows(IllegalArgumentException.class, () -> Zoo.build("alexnet", new int[] {3, 32, 32}, 10));
        assertTrue(e.getMessage().startsWith("alexnet cannot take input [3, 32, 32]: "), e.getMessage());
        assertTrue(e.getMessage().contains("maxpool"), e.getMessage());
    }

    @Test
    void unknownNamesListTheZoo() {
        var e = assertThrows(IllegalArgumentException.class, () -> Zoo.build("vgg17", IMAGENET, 10));
        assertTrue(e.getMessage().contains("vgg17") && e.getMessage().contains("resnet50"), e.getMessage());
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals(Zoo.build("lenet5", new int[] {1, 32, 32}, 10), Zoo.build("LeNet5", new int[] {1, 32, 32}, 10));
    }
}
