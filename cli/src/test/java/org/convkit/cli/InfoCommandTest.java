package org.convkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convkit.api.conv.Convolution;
import org.junit.jupiter.api.Test;

class InfoCommandTest {

    @Test
    void infoReportsCoresVectorApiAndEveryEngine() {
        Cli r = Cli.run("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cores       " + Runtime.getRuntime().availableProcessors()), r.out());
        // surefire runs with --add-modules=jdk.incubator.vector
        assertTrue(r.out().contains("vector api  present"), r.out());
        Convolution.engines().forEach(e -> assertTrue(r.out().contains(e.name()), e.name()));
    }

    @Test
    void pluginsListsEveryEngineFound() {
        Cli r = Cli.run("plugins");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("conv engines (" + Convolution.engines().size() + ")"), r.out());
        Convolution.engines().forEach(e -> assertTrue(r.out().contains(e.getClass().getName()), e.name()));
        assertTrue(r.out().contains("org.convkit.conv2d.Conv2dFilterEngine"), r.out());
    }
}
