package io.opsbridge.architecture;

import java.util.Map;

/**
 * Every timer and thread OpsBridge may start, in one place: anything else happens when a client
 * asks (a pull at query time). A new one is added here with its reason, in the change that needs it;
 * {@link BackgroundWorkRulesTest} fails on one that is not listed, and on an entry whose class no
 * longer starts what it is listed for.
 */
final class BackgroundWork {

    /** Classes that schedule work for later (a scheduled executor, a Vert.x timer, {@code @Scheduled}). */
    static final Map<String, String> TIMERS = Map.of(
            "io.opsbridge.backend.reload.PeriodicCheck",
            "a named periodic check on its own thread; each use is listed in PERIODIC_CHECKS",
            "io.opsbridge.backend.reload.broadcast.ReloadSubscriber",
            "the reload broadcast's reconnect backoff: a lost Redis subscription comes back by itself",
            "io.opsbridge.core.longpoll.VersionWaiters",
            "the long-poll timeouts: a waiting GET answers when its wait is over, with nothing changed",
            "io.opsbridge.core.logs.OperationLogs",
            "the operation logs' write-behind: the first line after a save schedules one save, at most once per"
                    + " progress-persist-interval, so a kill -9 loses at most one interval of log; idle logs cost nothing",
            "io.opsbridge.host.training.OneJob",
            "a one-job training host (a Kubernetes Job's pod) writes its terminal record off the worker thread when"
                    + " its training ends, then exits once its grace period is over",
            "io.opsbridge.core.proxy.HostHttp",
            "the bound of one host read as a whole (connect plus read timeout), cancelled when the host answers:"
                    + " a read whose request the HTTP client loses fails as a host timeout instead of waiting forever");

    /** Who runs a {@code PeriodicCheck}, and which one: the timers that run in a backend. */
    static final Map<String, String> PERIODIC_CHECKS = Map.of(
            "io.opsbridge.backend.models.registry.ModelBeans",
            "model-reload: the model registry's safety-net check every model_reload_interval_seconds",
            "io.opsbridge.backend.replicas.ReplicaHeartbeat",
            "replica-heartbeat: renews this replica's liveness stamp and what it serves in the database"
                    + " (opsbridge.replica.heartbeat-interval), so the others can tell a silent owner from a busy one");

    /** Classes that start threads that are not timers: workers, and the queues that keep work off request threads. */
    static final Map<String, String> THREADS = Map.of(
            "io.opsbridge.core.run.WorkerPool",
            "the operation workers (opsbridge.operations.worker-threads), resized when the settings change",
            "io.opsbridge.core.settings.reload.SettingsReloader",
            "one reload at a time, whatever triggered it (SIGHUP, the file watch, an admin call)",
            "io.opsbridge.core.settings.reload.SettingsFileWatch",
            "blocks on the settings file's WatchService",
            "io.opsbridge.server.audit.AuditTrail",
            "writes audit rows off the request thread, in order",
            "io.opsbridge.backend.reload.broadcast.BroadcastReceiver",
            "applies a broadcast reload off the Redis event loop",
            "io.opsbridge.cli.commands.Follow",
            "the CLI's Ctrl-C hook while it follows an operation (client side)");

    /**
     * The only methods outside the CLI that pause a thread ({@code Thread.sleep}), each a short retry
     * wait inside one call, never a loop in the background. The CLI's watch loops are client-side
     * pulling and may sleep between polls.
     */
    static final Map<String, String> PAUSES = Map.of(
            "io.opsbridge.core.run.IdempotencyKeys.pause",
            "a start with a key another request is starting waits for that start's answer",
            "io.opsbridge.core.store.Jdbc.backOff",
            "a random pause before retrying a write that collided (serialization failure, deadlock)",
            "io.opsbridge.backend.reload.broadcast.CatchUp.settings",
            "a broadcast settings reload waits, with a doubling delay, for the shared file to arrive");

    private BackgroundWork() {
    }
}
