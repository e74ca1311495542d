package io.opsbridge.backend.reload.broadcast;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.core.replicas.ReplicaIdentity;
import io.opsbridge.core.settings.Settings;
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
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The reload broadcast of this replica: publishes a signed hint ({@link ReloadPublisher}) on every
 * model activation and applied settings reload, and keeps the one subscription, whose messages
 * {@link BroadcastReceiver} applies. What this replica serves is recorded with its liveness stamp in
 * the database (the replicas view), told by a {@link ServedChanged} event after every change.
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
    private final Event<ServedChanged> changes;
    private final Clock clock = Clock.systemUTC();
    private final String nodeId;

    private volatile BroadcastStatus status;
    private volatile Redis redis;
    private volatile ReloadSubscriber subscriber;
    private volatile BroadcastReceiver receiver;
    private volatile Instant lastReloadAt;
    private ReloadPublisher publisher;

    public ReloadBroadcast(Vertx vertx, BroadcastConfig config, ModelRegistry registry, ModelsConfig models,
            SettingsReloader reloader, Settings settings, MeterRegistry meters, ObjectMapper json,
            ReplicaIdentity identity, Event<ServedChanged> changes,
            @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.models = models;
        this.reloader = reloader;
        this.settings = settings;
        this.meters = meters;
        this.json = json;
        this.changes = changes;
        this.hosts = hosts.filter(h -> !h.isBlank());
        this.nodeId = identity.nodeId();
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
        Optional<MessageSigner> signer = MessageSigner.from(config);
        if (signer.isEmpty()) {
            status = new BroadcastStatus(BroadcastStatus.DISABLED, "quarkus.redis.hosts is set but no "
                    + "OPSBRIDGE_BROADCAST_SECRET (opsbridge.broadcast.secret): the broadcast does not start;"
                    + " set a secret, or opsbridge.broadcast.allow-unsigned=true on a trusted network",
                    config.channel(), nodeId);
            LOG.warnf("reload broadcast disabled: %s", status.reason());
            return;
        }
        BroadcastMetrics metrics = new BroadcastMetrics(meters);
        receiver = new BroadcastReceiver(new MessageCheck(signer.get(), config.maxSkew(), clock),
                new CatchUp(registry, models::strategy, reloader, settings, config.settingsRetries(),
                        config.settingsRetryDelay()), metrics, new RejectionLog(clock), nodeId, clock,
                () -> changed("broadcast applied"));
        // one host: the first of the list (Redis Sentinel/Cluster are not used for a hint channel)
        String host = hosts.get().split(",")[0].trim();
        // idle pooled connections are kept a minute, so an announcement finds a connection ready
        // instead of connecting (and authenticating) first
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(host).setMaxPoolSize(6)
                .setMaxWaitingHandlers(64).setPoolRecycleTimeout(60_000));
        publisher = new ReloadPublisher(redis, config.channel(), signer.get(), json, metrics, nodeId, clock);
        subscriber = new ReloadSubscriber(redis, config.channel(), config.backoffInitial(), config.backoffMax(),
                new SubscriberEvents());
        metrics.watch(subscriber);
        registry.onActivation(this::announceModel);
        status = new BroadcastStatus(BroadcastStatus.ON, signer.get().isUnsigned()
                ? "UNSIGNED (opsbridge.broadcast.allow-unsigned=true)" : "signed with key " + config.keyId(),
                config.channel(), nodeId);
        LOG.infof("reload broadcast on %s as %s, %s", config.channel(), nodeId, status.reason());
        subscriber.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber == null) {
            return;
        }
        subscriber.stop(Duration.ofSeconds(3));
        receiver.stop();
        redis.close();
    }

    public BroadcastStatus status() {
        return status;
    }

    public Optional<ReloadSubscriber> subscriber() {
        return Optional.ofNullable(subscriber);
    }

    /** The broadcast as this replica's entry in the replicas view shows it. */
    public BroadcastActivity activity() {
        BroadcastReceiver r = receiver;
        Instant last = r == null || r.lastReloadAt() == null ? lastReloadAt
                : lastReloadAt == null || r.lastReloadAt().isAfter(lastReloadAt) ? r.lastReloadAt() : lastReloadAt;
        String error = r != null && r.lastError() != null ? r.lastError() : subscriber == null ? null : subscriber.lastError();
        return new BroadcastActivity(subscriber == null ? status.mode() : subscriber.state().wire(), last, error,
                r == null ? null : r.pending());
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
            }
            changed("settings reloaded");
        }
    }

    private void announceModel(ModelVersion activated) {
        lastReloadAt = clock.instant();
        publisher.announce(publisher.message(ReloadMessage.MODEL, activated.strategyName(), activated.version()));
        changed("model activated");
    }

    private void changed(String why) {
        try {
            changes.fire(new ServedChanged(why));
        } catch (RuntimeException e) {
            LOG.debugf("replica state not recorded after %s: %s", why, e.getMessage());
        }
    }

    /** The subscriber's events: a state change is recorded, a message checked and applied by the receiver. */
    private final class SubscriberEvents implements ReloadSubscriber.Listener {
        @Override
        public void stateChanged(SubscriberState state, String error) {
            changed("subscriber " + state.wire());
        }

        @Override
        public void subscribed() {
            receiver.catchUpLater();
        }

        @Override
        public void payload(String payload) {
            receiver.received(payload);
        }
    }
}
