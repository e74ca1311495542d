package io.opsbridge.core.proxy;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.Records;
import io.opsbridge.core.bridge.MetricsPage;
import io.opsbridge.core.follow.ProgressContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A host in memory behind a real {@link OperationServiceProxy}: tests move its operation and count calls. */
public final class FakeHost {

    public static final String URL = "http://fake-host:8081";

    private final String hostId;
    private final String url;
    private volatile OperationInfo operation;
    private final List<Map<String, Object>> metrics = new ArrayList<>();
    private final io.opsbridge.core.bridge.OperationLog log = new io.opsbridge.core.bridge.OperationLog("host", 1000,
            written -> { });
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Integer> cursorsAsked = new ArrayList<>();
    private volatile boolean down;
    private boolean startedOver;
    /** 0 while it has the operation; else the status it answers for it (404, 410). */
    private volatile int missing;
    private volatile Runnable onGet = () -> { };

    public FakeHost(String hostId) {
        this(hostId, URL);
    }

    /** A host at another address, e.g. one that never knew the operation. */
    public FakeHost(String hostId, String url) {
        this.hostId = hostId;
        this.url = url;
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        this.operation = OperationInfo.pending(hostId, OperationType.TRAINING,
                new OperationMetadata(List.of("AAPL"), "1h", "local", null, null, "s1", Map.of()), now);
        operation = Records.inStatus(operation, OperationStatus.RUNNING, now);
    }

    public String url() {
        return url;
    }

    public OperationServiceProxy proxy() {
        // an adapter, not FakeHost itself: a class implementing the client interface would become a bean
        return new OperationServiceProxy(url, new OperationsApi() {
            @Override
            public io.opsbridge.api.OperationList list() {
                return new io.opsbridge.api.OperationList(List.of(operation), 1, operation.status().isTerminal() ? 0 : 1,
                        null);
            }

            @Override
            public java.util.concurrent.CompletionStage<OperationInfo> read(String id, boolean forceRefresh) {
                return answered(() -> FakeHost.this.get(id, forceRefresh));
            }

            @Override
            public java.util.concurrent.CompletionStage<OperationInfo> whenChanged(String id, String wait,
                    long sinceVersion) {
                // the host's long-poll: answers once its version passes sinceVersion, or after 5 s
                return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (operation.version() <= sinceVersion && !operation.status().isTerminal()
                            && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                    }
                    return FakeHost.this.get(id, false);
                });
            }

            @Override
            public java.util.concurrent.CompletionStage<MetricsResponse> metrics(String id, int cursor) {
                return answered(() -> FakeHost.this.metrics(id, cursor));
            }

            @Override
            public io.opsbridge.api.LogsResponse logs(String id, int cursor) {
                return FakeHost.this.logs(id, cursor);
            }

            @Override
            public java.util.concurrent.CompletionStage<OperationResults> results(String id) {
                return answered(() -> FakeHost.this.results(id));
            }

            @Override
            public OperationInfo cancel(String id) {
                return FakeHost.this.cancel(id);
            }
        });
    }

    /** The host's worker reports an epoch. */
    public synchronized void epoch(int epoch, int of) {
        epoch(Map.of("epoch", epoch), epoch, of);
    }

    /** The host's worker reports an epoch and its loss. */
    public synchronized void epoch(int epoch, int of, double loss) {
        epoch(Map.of("epoch", epoch, "loss", loss), epoch, of);
    }

    /** The host's trainer refused its checkpoint (it no longer fits the data): it trains from epoch 1 again, and says so. */
    public synchronized void startOver() {
        startedOver = true;
    }

    private void epoch(Map<String, Object> metric, int epoch, int of) {
        metrics.add(metric);
        Map<String, Object> context = startedOver ? Map.of("epoch", epoch, ProgressContext.STARTED_OVER, true)
                : Map.of("epoch", epoch);
        operation = operation.withProgress(new OperationProgress(100.0 * epoch / of, "Training", "Epoch " + epoch + "/" + of,
                epoch, of, 0, 0, null, context), metrics.size(), Instant.now());
    }

    /** The host's worker reports progress within an epoch: no new metric. */
    public synchronized void progress(double percentage, String message) {
        operation = operation.withProgress(new OperationProgress(percentage, message, null, 0, 0, 0, 0, null, Map.of()),
                metrics.size(), Instant.now());
    }

    public synchronized void finish(OperationStatus status, String error) {
        operation = Records.inStatus(operation, status, Instant.parse("2026-11-24T09:05:00Z")).withError(error)
                .withResult(status == OperationStatus.COMPLETED ? Map.of("model_version", hostId) : null);
    }

    /**
     * The host's worker fails for a reason a new attempt meets again (bad data, a diverged loss): its
     * lifecycle marks the progress as the engine's {@code fail(id, error, true)} does.
     */
    public synchronized void failRepeating(String error) {
        operation = operation.withProgress(ProgressContext.with(operation.progress(),
                Map.of(ProgressContext.FAILURE_REPEATS, true)), metrics.size(), Instant.now());
        finish(OperationStatus.FAILED, error);
    }

    /** The host no longer has the operation: 404 (never had it, or lost its store) or 410 (removed by its retention). */
    public void missing(int status) {
        missing = status;
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    public void onGet(Runnable action) {
        onGet = action;
    }

    public int calls() {
        return calls.get();
    }

    public synchronized List<Integer> cursorsAsked() {
        return List.copyOf(cursorsAsked);
    }

    public OperationStatus status() {
        return operation.status();
    }

    OperationInfo get(String id, boolean forceRefresh) {
        answer(id);
        onGet.run();
        return operation;
    }

    synchronized MetricsResponse metrics(String id, int cursor) {
        answer(id);
        cursorsAsked.add(cursor);
        MetricsPage page = MetricsPage.after(metrics, cursor);
        return new MetricsResponse(id, page.metrics(), page.newCursor());
    }

    /** The host's worker writes a line into its operation's log. */
    public void logLine(String message) {
        log.info(message);
    }

    io.opsbridge.api.LogsResponse logs(String id, int cursor) {
        answer(id);
        io.opsbridge.core.bridge.LogPage page = log.page(cursor, 1000);
        return new io.opsbridge.api.LogsResponse(id, page.lines(), page.newCursor(), page.dropped());
    }

    OperationResults results(String id) {
        answer(id);
        return OperationResults.of(operation);
    }

    synchronized OperationInfo cancel(String id) {
        answer(id);
        if (operation.status().isTerminal() && operation.status() != OperationStatus.CANCELLED) {
            throw new WebApplicationException(Response.status(409).build());
        }
        if (operation.status() != OperationStatus.CANCELLED) {
            operation = Records.inStatus(operation, OperationStatus.CANCELLED, Instant.now());
        }
        return operation;
    }

    private void answer(String id) {
        calls.incrementAndGet();
        if (down) {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }
        if (missing != 0) {
            throw new WebApplicationException(Response.status(missing).build());
        }
        if (!id.equals(hostId)) {
            throw new WebApplicationException(Response.status(404).build());
        }
    }

    /** Answered at once on the caller's thread, as a host's answer arrives on the event loop. */
    private static <T> java.util.concurrent.CompletionStage<T> answered(java.util.function.Supplier<T> answer) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(answer.get());
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }
}
