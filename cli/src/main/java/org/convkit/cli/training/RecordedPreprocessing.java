package org.convkit.cli.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convkit.api.domain.DatasetLayouts;
import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Metadata;
import org.convkit.api.signal.FilterChain;

/**
 * The preprocessing chain a model file records: the domain's {@link Domain#preprocessing} for the
 * metadata of the data's first file (its sample rate decides the filters' design), or null when the
 * domain filters nothing (images, volumes) or the data is not a folder of files (an IDX pair).
 */
public final class RecordedPreprocessing {
    private RecordedPreprocessing() {
    }

    /** The chain for a data folder or manifest at {@code data}. */
    public static FilterChain forData(Domain domain, Path data) {
        Metadata first;
        try {
            first = domain.read(firstFile(data)).metadata();
        } catch (IOException | RuntimeException e) {
            // a layout the domain reads itself (IDX, EDF+ annotations): its files say nothing about rates
            first = Metadata.NONE;
        }
        return forMetadata(domain, first);
    }

    /** The chain for files with {@code metadata}, null when it is empty or cannot be designed. */
    public static FilterChain forMetadata(Domain domain, Metadata metadata) {
        try {
            FilterChain c = domain.preprocessing(metadata);
            return c == null || c.steps().isEmpty() ? null : c;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Path firstFile(Path data) throws IOException {
        Map<String, List<Path>> byClass;
        if (Files.isRegularFile(data)) {
            byClass = DatasetLayouts.manifest(data);
        } else if (Files.isRegularFile(data.resolve(DatasetLayouts.MANIFEST))) {
            byClass = DatasetLayouts.manifest(data.resolve(DatasetLayouts.MANIFEST));
        } else {
            byClass = DatasetLayouts.classFolders(data);
        }
        return byClass.values().iterator().next().get(0);
    }
}
