package org.convkit.cli;

import org.convkit.api.domain.Domain;
import org.convkit.api.domain.Domains;
import org.convkit.api.nn.LoadedModel;
import org.convkit.cli.training.ModelDomain;

/** The domain a command reads files with: {@code --domain} if given, else the one the model file records. */
final class ModelDomains {
    private ModelDomains() {
    }

    /**
     * The domain, or null when neither names one and {@code required} is false.
     *
     * @throws BadInputException when one is required and none is given or recorded
     */
    static Domain choose(String option, LoadedModel model, java.nio.file.Path modelFile, boolean required) {
        if (option != null) {
            return Domains.named(option);
        }
        var recorded = ModelDomain.of(model.metadata());
        if (recorded.isPresent()) {
            return Domains.named(recorded.get());
        }
        if (required) {
            throw new BadInputException(modelFile + ": the model records no domain; pass --domain");
        }
        return null;
    }
}
