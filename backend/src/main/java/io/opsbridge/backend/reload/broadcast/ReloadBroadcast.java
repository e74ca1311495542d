package io.opsbridge.backend.reload.broadcast;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.operations.StoreBeans;
import io.opsbridge.backend.reload.PeriodicCheck;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.settings.StoreConfig;
import io.opsbridge.core.settings.reload.ReloadEvent;
import io.opsbridge.core.settings.reload.ReloadListener;
import io.opsbridge.core.settings.reload.SettingsReloader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The reload broadcast of this replica: publishes a signed hint ({@link ReloadPublisher}) on every
 * model activation and applied settings reload, keeps the one subscription, applies what it receives by comparing with
 * the database and the file ({@link CatchUp}), and records what this replica serves in Redis.
 *
 * <p>It runs only when {@code quarkus.redis.hosts} is set and a secret is configured; otherwise it
 * stays off, says why ({@link #status}), and the registry check stays the only path. The Redis
 * client is made here, and only then, so a replica without Redis never tries to connect.
 */
@ApplicationScoped
public class ReloadBroadcast implements ReloadListener {

    private static final Logger LOG = Logger.getLogger(ReloadBroadcast.class);

    private final Vertx vertx;
    private final BroadcastConfig config;
    private final ModelRegistry registry;
    private final ModelsConfig models;
    private final SettingsReloader reloader;
    private final Settings settings;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Optional<String> hosts;
    private final Clock clock = Clock.systemUTC();
    private final String nodeId;

    private volatile BroadcastStatus status;
    private volatile Redis redis;
    private volatile ReloadSubscriber subscriber;
    private MessageSigner signer;
    private ReloadPublisher publisher;
    private MessageCheck check;
    private ReplicaStateStore states;
    private CatchUp catchUp;
    private BroadcastMetrics metrics;
    private RejectionLog rejections;
    private ExecutorService applier;
    private PeriodicCheck refresh;
    private volatile Instant lastReloadAt;
    private volatile String lastError;
    private volatile String pending;

    public ReloadBroadcast(Vertx vertx, BroadcastConfig config, ModelRegistry registry, ModelsConfig models,
            SettingsReloader reloader, Settings settings, MeterRegistry meters, ObjectMapper json,
            StoreConfig store, @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.models = models;
        this.reloader = reloader;
        this.settings = settings;
        this.meters = meters;
        this.json = json;
        this.hosts = hosts.filter(h -> !h.isBlank());
        this.nodeId = StoreBeans.nodeId(store);
        this.status = new BroadcastStatus(BroadcastStatus.OFF, "not started", config.channel(), nodeId);
    }

    // after the registry's and the settings' own startup, so the first catch-up compares loaded state
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (hosts.isEmpty()) {
            status = new BroadcastStatus(BroadcastStatus.OFF,
                    "no quarkus.redis.hosts: the registry check is the only reload path", config.channel(), nodeId);
            LOG.infof("reload broadcast off: %s", status.reason());
            return;
        }
        Optional<MessageSigner> maybeSigner = MessageSigner.from(config);
        if (maybeSigner.isEmpty()) {
            status = new BroadcastStatus(BroadcastStatus.DISABLED, "quarkus.redis.hosts is set but no "
                    + "OPSBRIDGE_BROADCAST_SECRET (opsbridge.broadcast.secret): the broadcast does not start;"
                    + " set a secret, or opsbridge.broadcast.allow-unsigned=true on a trusted network",
                    config.channel(), nodeId);
            LOG.warnf("reload broadcast disabled: %s", status.reason());
            return;
        }
        signer = maybeSigner.get();
        check = new MessageCheck(signer, config.maxSkew(), clock);
        metrics = new BroadcastMetrics(meters);
        rejections = new RejectionLog(clock);
        catchUp = new CatchUp(registry, models::strategy, reloader, settings, config.settingsRetries(),
                config.settingsRetryDelay());
        // one host: the first of the list (Redis Sentinel/Cluster are not used for a hint channel)
        String host = hosts.get().split(",")[0].trim();
        // idle pooled connections live longer than the state refresh interval, so an announcement
        // finds a connection ready instead of connecting (and authenticating) first
        int recycleMillis = (int) Math.max(60_000, config.stateInterval().multipliedBy(4).toMillis());
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(host).setMaxPoolSize(6)
                .setMaxWaitingHandlers(64).setPoolRecycleTimeout(recycleMillis));
        publisher = new ReloadPublisher(redis, config.channel(), signer, json, metrics, nodeId, clock);
        states = new ReplicaStateStore(redis, config.replicasKey(), config.stateInterval().multipliedBy(3), json);
        applier = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "opsbridge-broadcast-apply");
            thread.setDaemon(true);
            return thread;
        });
        subscriber = new ReloadSubscriber(redis, config.channel(), config.backoffInitial(), config.backoffMax(),
                new SubscriberEvents());
        metrics.watch(subscriber);
        registry.onActivation(this::announceModel);
        status = new BroadcastStatus(BroadcastStatus.ON, signer.isUnsigned()
                ? "UNSIGNED (opsbridge.broadcast.allow-unsigned=true)" : "signed with key " + config.keyId(),
                config.channel(), nodeId);
        LOG.infof("reload broadcast on %s as %s, %s", config.channel(), nodeId, status.reason());
        subscriber.start();
        refresh = new PeriodicCheck("broadcast-state", config.stateInterval(), this::reportState);
        refresh.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber == null) {
            return;
        }
        refresh.close();
        subscriber.stop(Duration.ofSeconds(3));
        applier.shutdownNow();
        redis.close();
    }

    public BroadcastStatus status() {
        return status;
    }

    public Optional<ReloadSubscriber> subscriber() {
        return Optional.ofNullable(subscriber);
    }

    /** What this replica serves now. */
    public ReplicaState localState() {
        Map<String, String> served = new TreeMap<>();
        for (String strategy : registry.servedStrategies()) {
            registry.serving(strategy).ifPresent(m -> served.put(strategy, m.version().version()));
        }
        var current = settings.current();
        return new ReplicaState(nodeId, served, current.version(), current.origin().sha256(),
                current.origin().appliedAt(), pending,
                subscriber == null ? status.mode() : subscriber.state().wire(), lastReloadAt,
                lastError != null ? lastError : subscriber == null ? null : subscriber.lastError(), clock.instant());
    }

    /** Every replica's recorded state (just this one when the broadcast is not running). */
    public List<ReplicaState> replicas(Duration within) {
        if (!status.running()) {
            return List.of(localState());
        }
        reportState();
        return await(states.all(clock.instant()), within);
    }

    /** A published message and how many subscribers Redis delivered it to. */
    public record Published(String messageId, long receivers, ReloadMessage message) {
    }

    /**
     * Publishes a hint now and waits for Redis's answer, the number of subscribers that got it.
     *
     * @throws BroadcastUnavailableException if the broadcast is not running here
     */
    public Published publish(String kind, String strategy, String target, Duration within) {
        if (!status.running()) {
            throw new BroadcastUnavailableException(status.reason());
        }
        ReloadMessage message = publisher.message(kind, strategy, target);
        return new Published(message.messageId(), await(publisher.send(message), within), message);
    }

    private static <T> T await(Future<T> answer, Duration within) {
        try {
            return answer.toCompletionStage().toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BroadcastUnavailableException("interrupted while waiting for Redis");
        } catch (ExecutionException e) {
            throw new BroadcastUnavailableException("Redis did not answer: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new BroadcastUnavailableException("Redis did not answer within " + within.toSeconds() + " s");
        }
    }

    /** Announces an applied settings reload (unless a broadcast caused it: no echo). */
    @Override
    public void reloaded(ReloadEvent event) {
        if (event.outcome() == ReloadEvent.Outcome.APPLIED && !event.dryRun()
                && !BroadcastTriggers.BROADCAST.equals(event.trigger())) {
            lastReloadAt = event.at();
            if (status.running() && event.sha256() != null) {
                publisher.announce(publisher.message(ReloadMessage.SETTINGS, null, event.sha256()));
                reportState();
            }
        }
    }

    private void announceModel(ModelVersion activated) {
        lastReloadAt = clock.instant();
        publisher.announce(publisher.message(ReloadMessage.MODEL, activated.strategyName(), activated.version()));
        reportState();
    }

    private void received(String payload) {
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
        reportState();
    }

    private void reportState() {
        if (states == null) {
            return;
        }
        states.put(localState()).onFailure(e -> LOG.debugf("replica state not recorded: %s", e.getMessage()));
    }

    /** The subscriber's events, handed to the apply thread where they would block the loop. */
    private final class SubscriberEvents implements ReloadSubscriber.Listener {
        @Override
        public void stateChanged(SubscriberState state, String error) {
            reportState();
        }

        @Override
        public void subscribed() {
            // whatever was announced while we were away is in the database and the file: compare now
            applier.execute(ReloadBroadcast.this::catchUpAll);
        }

        @Override
        public void payload(String payload) {
            received(payload);
        }
    }
}
