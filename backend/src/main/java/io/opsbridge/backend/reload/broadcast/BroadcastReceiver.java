package io.opsbridge.backend.reload.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What this replica does with the broadcast it receives: checks each message ({@link MessageCheck}),
 * and applies an accepted one, or catches up after a (re)subscribe, on one apply thread, off the
 * Redis event loop, by comparing with the database and the settings file ({@link CatchUp}). Keeps
 * what the replicas view shows of it: the last reload, the last error, a settings hash pending.
 */
final class BroadcastReceiver {

    private final MessageCheck check;
    private final CatchUp catchUp;
    private final BroadcastMetrics metrics;
    private final RejectionLog rejections;
    private final String nodeId;
    private final Clock clock;
    private final Runnable changed;
    private final ExecutorService applier = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "opsbridge-broadcast-apply");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastReloadAt;
    private volatile String lastError;
    private volatile String pending;

    /** @param changed told after every apply or catch-up (what this replica serves may have changed) */
    BroadcastReceiver(MessageCheck check, CatchUp catchUp, BroadcastMetrics metrics, RejectionLog rejections,
            String nodeId, Clock clock, Runnable changed) {
        this.check = check;
        this.catchUp = catchUp;
        this.metrics = metrics;
        this.rejections = rejections;
        this.nodeId = nodeId;
        this.clock = clock;
        this.changed = changed;
    }

    /** A message as it arrived (on the Redis event loop): checked here, applied on the apply thread. */
    void received(String payload) {
        MessageCheck.Verdict verdict = check.check(payload);
        if (!verdict.accepted()) {
            metrics.rejected(verdict.rejection());
            rejections.rejected(verdict.rejection(), verdict.message());
            return;
        }
        ReloadMessage message = verdict.message();
        metrics.received(message.kind(), Duration.between(Instant.parse(message.issuedAt()), clock.instant()));
        if (nodeId.equals(message.originNode())) {
            return; // our own announcement: already in force here
        }
        applier.execute(() -> apply(message));
    }

    /** After a (re)subscribe: whatever was announced meanwhile is in the database and the file. */
    void catchUpLater() {
        applier.execute(this::catchUpAll);
    }

    /** A reload this replica did itself (an activation, a settings reload). */
    void reloadedHere(Instant at) {
        lastReloadAt = at;
    }

    Instant lastReloadAt() {
        return lastReloadAt;
    }

    String lastError() {
        return lastError;
    }

    String pending() {
        return pending;
    }

    void stop() {
        applier.shutdownNow();
    }

    private void apply(ReloadMessage message) {
        CatchUp.Outcome outcome = message.isModel() ? catchUp.models(message.strategy())
                : catchUp.settings(message.targetVersion());
        if (outcome.changed()) {
            lastReloadAt = clock.instant();
            metrics.applied(message.kind(), Duration.between(Instant.parse(message.issuedAt()), clock.instant()));
        }
        record(message.isSettings(), outcome, message.targetVersion());
    }

    private void catchUpAll() {
        CatchUp.Outcome outcome = catchUp.everything();
        if (outcome.changed()) {
            lastReloadAt = clock.instant();
        }
        record(true, outcome, null);
    }

    private void record(boolean settingsChecked, CatchUp.Outcome outcome, String target) {
        lastError = outcome.error();
        if (settingsChecked) {
            pending = outcome.settingsPending() ? target : null;
        }
        changed.run();
    }
}
