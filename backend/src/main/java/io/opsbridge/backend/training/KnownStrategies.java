package io.opsbridge.backend.training;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.training.TrainingRequest;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A training names a strategy the backend knows — the configured one ({@code opsbridge.models.strategy},
 * {@code mlp_direction} by default) or one with a version in the model registry — unless it says it
 * creates one ({@code "new_strategy": true}; CLI {@code --new-strategy}). So a typo
 * ({@code mlp_directoin}) is a 400 listing the known ones, not a new strategy in the registry.
 */
public final class KnownStrategies {

    private final Supplier<Set<String>> known;

    /** @param known the strategies known now (read at each check: the registry grows) */
    public KnownStrategies(Supplier<Set<String>> known) {
        this.known = known;
    }

    /** The request (defaults applied) if its strategy is known or to be created. @throws InvalidRequestException if not */
    TrainingRequest check(TrainingRequest request) {
        if (request.createsStrategy()) {
            return request;
        }
        Set<String> names = new TreeSet<>(known.get());
        if (!names.contains(request.strategy())) {
            throw new InvalidRequestException("strategy", "unknown strategy '" + request.strategy() + "'; known: "
                    + String.join(", ", names) + ". To train a new strategy, send \"new_strategy\": true "
                    + "(opsbridge train --new-strategy)");
        }
        return request;
    }
}
