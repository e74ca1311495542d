package io.opsbridge.workloads.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.WorkRequest;
import io.opsbridge.core.lifecycle.ResumableWork;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a training of this process runs again after an interruption: the same request, rebuilt from
 * what its operation recorded (symbols, timeframe, parameters with its seed), handed to
 * {@link TrainingJobs#submit} under the same operation id, which continues from the newest valid
 * checkpoint under {@code {models-dir}/checkpoints/{operation_id}/}. Only this process's own local
 * trainings: a training host's session is resumed by the backend that started it.
 */
@ApplicationScoped
public class TrainingResumes implements ResumableWork {

    private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d{6})");
    private static final String MANIFEST = "checkpoint.json";

    private final TrainingJobs jobs;
    private final TrainingConfig config;
    private final Settings settings;

    public TrainingResumes(TrainingJobs jobs, TrainingConfig config, Settings settings) {
        this.jobs = jobs;
        this.config = config;
        this.settings = settings;
    }

    @Override
    public OperationType type() {
        return OperationType.TRAINING;
    }

    @Override
    public boolean resumeAtStartup() {
        return attempts().resume();
    }

    @Override
    public int maxAttempts() {
        return attempts().maxAttempts();
    }

    @Override
    public boolean runsHere(OperationInfo operation) {
        return operation.metadata() != null && WorkRequest.MODE_LOCAL.equals(operation.metadata().mode())
                && operation.metadata().sessionId() == null;
    }

    /** The newest checkpoint directory that was written whole (it has its manifest); the trainer checks it further. */
    @Override
    public OptionalInt checkpointEpoch(OperationInfo operation) {
        Path dir = config.modelsDir().resolve("checkpoints").resolve(operation.operationId());
        if (!Files.isDirectory(dir)) {
            return OptionalInt.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(MANIFEST)))
                    .map(p -> CHECKPOINT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void run(OperationInfo resumed) {
        jobs.submit(resumed, requestOf(resumed));
    }

    /** The request the operation was started with, as its record keeps it. */
    static TrainingRequest requestOf(OperationInfo operation) {
        Map<String, Object> p = operation.metadata().parameters() == null ? Map.of() : operation.metadata().parameters();
        return new TrainingRequest((String) p.get("strategy"), operation.metadata().symbols(),
                operation.metadata().timeframe(), integer(p.get("epochs")), integer(p.get("batch_size")),
                decimal(p.get("learning_rate")), decimal(p.get("validation_split")), WorkRequest.MODE_LOCAL,
                p.get("seed") instanceof Number n ? n.longValue() : null,
                p.get("auto_activate") instanceof Boolean b ? b : null, null).withDefaults();
    }

    private TrainingAttemptsConfig attempts() {
        return settings.current().section(TrainingAttemptsConfig.class);
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
