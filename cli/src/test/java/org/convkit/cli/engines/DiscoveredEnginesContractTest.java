package org.convkit.cli.engines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convkit.api.conv.ConvEngine;
import org.convkit.api.conv.Convolution;
import org.convkit.api.nd.DType;
import org.convkit.api.testing.ConvEngineContract;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * With every module on the class path, as the CLI runs: each engine that {@link java.util.ServiceLoader}
 * finds passes the contract for every rank and precision it claims to support.
 */
class DiscoveredEnginesContractTest {

    @Test
    void everyModuleContributesEngines() {
        Set<String> modules = Convolution.engines().stream()
                .map(e -> e.getClass().getPackageName())
                .collect(Collectors.toSet());
        assertTrue(modules.containsAll(Set.of("org.convkit.api.conv", "org.convkit.conv1d", "org.convkit.conv2d",
                "org.convkit.conv3d")), "engine packages found: " + modules);
    }

    @TestFactory
    Stream<DynamicNode> everyEngineFoundAgreesWithTheReference() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (ConvEngine engine : Convolution.engines()) {
            int supported = 0;
            for (int rank = 1; rank <= 3; rank++) {
                for (DType dtype : DType.values()) {
                    List<DynamicTest> cases = ConvEngineContract.casesFor(engine, rank, dtype);
                    supported += cases.size();
                    if (!cases.isEmpty()) {
                        nodes.add(DynamicContainer.dynamicContainer(engine.name() + " rank " + rank + " " + dtype, cases));
                    }
                }
            }
            assertTrue(supported > 0, engine.name() + " supports none of the contract's cases");
        }
        return nodes.stream();
    }
}
