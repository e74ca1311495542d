package io.opsbridge.backend.kubernetes;

import io.opsbridge.workloads.training.TerminalRecord;
import io.opsbridge.workloads.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The terminal records of trainings run as Jobs, in this backend's models directory (the shared volume):
 * how the backend completes a training whose pod (and Job) is gone, that nobody watched end.
 */
@ApplicationScoped
public class TerminalRecords {

    private static final Logger LOG = Logger.getLogger(TerminalRecords.class);

    private final Path modelsDir;

    public TerminalRecords(TrainingConfig training) {
        this.modelsDir = training.modelsDir();
    }

    /** The record of {@code operationId} (its checkpoint key); empty if none was written. */
    public Optional<TerminalRecord> read(String operationId) {
        try {
            return TerminalRecord.read(modelsDir, operationId);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warnf("operation %s: terminal record not readable (%s)", operationId, e.getMessage());
            return Optional.empty();
        }
    }
}
