package io.opsbridge.backend.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.workloads.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The terminal record a training host in one-job mode writes when its training ends, at
 * {@code {models-dir}/terminal/{backend operation id}.json} of the shared volume: the operation as its
 * {@code GET} answered it, its metrics, the model path. How the backend completes a training whose pod
 * (and Job) is gone: nobody watched it end.
 */
@ApplicationScoped
public class TerminalRecords {

    private static final Logger LOG = Logger.getLogger(TerminalRecords.class);

    /** One terminal record: the host's operation, and its metrics in order. */
    public record Terminal(OperationInfo operation, List<Map<String, Object>> metrics) {
    }

    private final Path dir;
    private final ObjectMapper json;

    public TerminalRecords(TrainingConfig training, ObjectMapper json) {
        this.dir = training.modelsDir().resolve("terminal");
        this.json = json;
    }

    /** The record of {@code operationId}; empty if none was written (or it cannot be read yet). */
    @SuppressWarnings("unchecked")
    public Optional<Terminal> read(String operationId) {
        Path file = dir.resolve(operationId + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            JsonNode op = root.has("operation") ? root.get("operation") : root;
            List<Map<String, Object>> metrics = new ArrayList<>();
            JsonNode list = root.path("metrics");
            if (list.isObject()) {
                list = list.path("metrics");
            }
            for (JsonNode item : list) {
                metrics.add(json.convertValue(item, Map.class));
            }
            return Optional.of(new Terminal(json.treeToValue(op, OperationInfo.class), metrics));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("terminal record %s not readable: %s", file, e.getMessage());
            return Optional.empty();
        }
    }
}
