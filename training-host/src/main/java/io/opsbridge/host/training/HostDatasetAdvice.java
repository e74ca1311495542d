package io.opsbridge.host.training;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import java.nio.file.Path;

/**
 * Checks a training request against this host's datasets, and where one is missing says where this
 * host looks: the advice in the check itself (a data load through the backend) only reaches a host
 * that reads the backend's dataset directory, so the refusal names the directory to share.
 */
final class HostDatasetAdvice {

    private final TrainingOrchestrator orchestrator;
    private final Path dataDir;

    HostDatasetAdvice(TrainingOrchestrator orchestrator, Path dataDir) {
        this.orchestrator = orchestrator;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    TrainingRequest validate(TrainingRequest request) {
        try {
            return orchestrator.validate(request);
        } catch (InvalidRequestException e) {
            if (!"symbols".equals(e.field())) {
                throw e;
            }
            String words = e.getMessage().substring("symbols: ".length());
            throw new InvalidRequestException("symbols", words + "; this training host reads datasets from "
                    + dataDir + ": a data load through the backend reaches it when that is the backend's"
                    + " opsbridge.training.data-dir too (the same directory or mount)");
        }
    }
}
