package io.opsbridge.host.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.core.hosts.WorkRequest;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.workloads.training.HostTrainingRequest;
import io.opsbridge.workloads.training.TerminalRecord;
import io.opsbridge.workloads.training.TrainingConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one-job mode of the training host, as a Kubernetes Job runs it: started with
 * {@code OPSBRIDGE_JOB_REQUEST} (a {@link HostTrainingRequest}), the host starts that training at
 * startup exactly as {@code POST /training/start} would (resuming from the checkpoints under its
 * {@code checkpoint_key}), serves its operations API as always, and when the training ends writes
 * its {@link TerminalRecord} to {@code {models-dir}/terminal/{checkpoint_key}.json}, keeps serving
 * for {@code opsbridge.job.grace} ({@code OPSBRIDGE_JOB_GRACE}) and exits: 0, or
 * {@value TerminalRecord#EXIT_REPEATS} when the failure would repeat (bad input), which the Job's
 * failure policy turns into a failed Job at once. A request the host refuses ends alike, as a failed
 * operation that repeats. A host stopped before the training ended (an eviction, a drain) writes
 * nothing: the next pod resumes from the checkpoint.
 */
@ApplicationScoped
public class OneJob {

    private final HostSessions<HostTrainingRequest> trainings;
    private final OperationLifecycle lifecycle;
    private final OperationsService operations;
    private final TrainingConfig training;
    private final ObjectMapper mapper;
    private final Duration grace;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ScheduledExecutorService ending = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "one-job");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String operationId;
    private volatile String checkpointKey;
    private volatile boolean stopping;

    public OneJob(HostSessions<HostTrainingRequest> trainings, OperationLifecycle lifecycle,
            OperationsService operations, TrainingConfig training, ObjectMapper mapper,
            @ConfigProperty(name = "opsbridge.job.grace", defaultValue = "30s") Duration grace) {
        this.trainings = trainings;
        this.lifecycle = lifecycle;
        this.operations = operations;
        this.training = training;
        this.mapper = mapper;
        this.grace = grace;
    }

    /** Whether this process runs in one-job mode. */
    static boolean requested() {
        return System.getenv(JobRequest.VARIABLE) != null;
    }

    // after the startup recovery (which fails what a previous run of this store left running) and the settings file
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (!requested()) {
            return;
        }
        lifecycle.addChangeListener(id -> {
            if (id.equals(operationId) && !stopping) {
                ending.execute(this::endIfEnded);
            }
        });
        JobRequest job = JobRequest.parse(System.getenv(JobRequest.VARIABLE), mapper);
        if (job.refused()) {
            refuse(job.refusal(), job.checkpointKey(), null);
            return;
        }
        try {
            String id = trainings.start(job.request()).operationId();
            checkpointKey = job.checkpointKey() != null ? job.checkpointKey() : id;
            operationId = id;
            Log.infof("one-job mode: training %s runs as %s, checkpoints and terminal record under %s", id,
                    job.request().symbols(), checkpointKey);
        } catch (InvalidRequestException e) {
            refuse(e.getMessage(), job.checkpointKey(), job.request());
            return;
        }
        ending.execute(this::endIfEnded); // it may have ended before the id was known here
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** A request this host cannot run: recorded as a failed operation that repeats, and ended as any other. */
    private void refuse(String why, String key, WorkRequest request) {
        String id = "host_training_" + UUID.randomUUID().toString().replace("-", "");
        lifecycle.create(id, OperationType.TRAINING, new OperationMetadata(request == null ? List.of()
                : request.symbols(), request == null ? null : request.timeframe(), WorkRequest.MODE_LOCAL, null, null,
                null, Map.of()));
        checkpointKey = key != null && validKey(key) ? key : id;
        operationId = id;
        Log.errorf("one-job mode: the request is refused: %s", why);
        lifecycle.fail(id, why, true);
    }

    private void endIfEnded() {
        OperationInfo now = operations.get(operationId, false);
        if (!now.status().isTerminal() || !ended.compareAndSet(false, true)) {
            return;
        }
        if (stopping) {
            Log.warnf("one-job mode: %s ended while the host stopped: no terminal record", operationId);
            return;
        }
        TerminalRecord record = TerminalRecord.of(checkpointKey, now,
                operations.metrics(operationId, 0).metrics(), Clock.systemUTC().instant());
        try {
            record.writeTo(training.modelsDir());
        } catch (RuntimeException e) {
            // without its record the backend cannot tell how it ended: no exit 0 that would mark the Job succeeded
            Log.errorf(e, "one-job mode: cannot write the terminal record of %s", operationId);
            Quarkus.asyncExit(1);
            return;
        }
        Log.infof("one-job mode: %s %s, terminal record %s; exiting with %d in %s", operationId,
                now.status().wireName(), TerminalRecord.file(training.modelsDir(), checkpointKey), record.exitCode(),
                grace);
        ending.schedule(() -> Quarkus.asyncExit(record.exitCode()), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean validKey(String key) {
        try {
            TerminalRecord.file(java.nio.file.Path.of("."), key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
