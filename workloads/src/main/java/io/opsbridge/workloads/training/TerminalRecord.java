package io.opsbridge.workloads.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.follow.ProgressContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a training that ran as a Kubernetes Job ended, written by its training host (one-job mode) to
 * the shared models directory as {@code {models-dir}/terminal/{checkpoint_key}.json} before the pod
 * exits, so a backend completes its operation even after the pod and the Job are gone:
 *
 * <pre>{@code
 * Optional<TerminalRecord> ended = TerminalRecord.read(modelsDir, operationId);
 * }</pre>
 *
 * @param checkpointKey the key the training ran under: the backend's operation id
 * @param operation     the host's operation as {@code GET /api/v1/operations/{id}} answered it at the end
 * @param metrics       every metric of that operation, as {@code GET …/metrics?cursor=0} serves them
 * @param modelPath     the saved model's directory (the result's {@code model_path}); null unless completed
 * @param writtenAt     when the host wrote it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerminalRecord(String checkpointKey, OperationInfo operation, List<Map<String, Object>> metrics,
        String modelPath, Instant writtenAt) {

    /** The exit code of a training host whose training failed for a reason a new attempt would meet again. */
    public static final int EXIT_REPEATS = 3;

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public TerminalRecord {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** The record of an ended {@code operation}; its model path from the result. */
    public static TerminalRecord of(String checkpointKey, OperationInfo operation, List<Map<String, Object>> metrics,
            Instant now) {
        if (!operation.status().isTerminal()) {
            throw new IllegalArgumentException("operation " + operation.operationId() + " is "
                    + operation.status().wireName() + ", not ended");
        }
        Object model = operation.resultSummary() == null ? null : operation.resultSummary().get("model_path");
        return new TerminalRecord(checkpointKey, operation, metrics, model == null ? null : model.toString(), now);
    }

    /** Where the record of the training under {@code checkpointKey} lives: {@code {modelsDir}/terminal/{key}.json}. */
    public static Path file(Path modelsDir, String checkpointKey) {
        CheckpointPlan.under(modelsDir, checkpointKey, 1, 1); // the same rule for the name as its checkpoints
        return modelsDir.resolve("terminal").resolve(checkpointKey + ".json");
    }

    /** The record of the training under {@code checkpointKey}; empty while none was written. */
    public static Optional<TerminalRecord> read(Path modelsDir, String checkpointKey) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file(modelsDir, checkpointKey)), TerminalRecord.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal record of " + checkpointKey + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes this record whole beside its place and moves it there in one atomic step: a reader sees
     * the previous record or this one, never a part.
     */
    public Path writeTo(Path modelsDir) {
        Path target = file(modelsDir, checkpointKey);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the terminal record " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the move happened or the write failed: either way nothing to keep
            }
        }
    }

    /** Whether the training failed for a reason a new attempt would meet again (bad data, a diverged loss). */
    @JsonIgnore
    public boolean failureRepeats() {
        return operation.status() == OperationStatus.FAILED && ProgressContext.failureRepeats(operation.progress());
    }

    /** The training host's exit code after this record: {@value #EXIT_REPEATS} for a failure that repeats, else 0. */
    @JsonIgnore
    public int exitCode() {
        return failureRepeats() ? EXIT_REPEATS : 0;
    }
}
