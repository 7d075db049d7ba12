package org.convkit.cli.training;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convkit.api.nn.ModelMetadata;

/**
 * The domain a model was trained on, recorded in its provenance's data description as
 * {@code "domain=<name>; data=<where>"}, so {@code evaluate} and {@code predict} read files the way
 * training did without being told the domain again.
 */
public final class ModelDomain {
    private static final Pattern DOMAIN = Pattern.compile("^domain=([^;\\s]+)");

    private ModelDomain() {
    }

    /** The provenance data description of a run on {@code domain} with data {@code data}. */
    public static String describe(String domain, String data) {
        return "domain=" + domain + "; data=" + data;
    }

    /** The recorded domain name, if the model has one. */
    public static Optional<String> of(ModelMetadata metadata) {
        Matcher m = DOMAIN.matcher(metadata.provenance().data());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
