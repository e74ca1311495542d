package io.opsbridge.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.monitoring.HostCallOutcome;
import io.opsbridge.core.monitoring.HostStates;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.monitoring.OperationsMonitor;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's {@link OperationsMonitor} over Micrometer: Prometheus names {@code opsbridge_*} at
 * {@code /q/metrics} (docs/monitoring.md). Hot-path calls only add to a {@link LongAdder} or a
 * pre-registered meter; meters keyed by host are looked up in a map, on calls that take
 * milliseconds anyway. The gauges over the store and the waiters are computed when scraped.
 */
public class OperationsMetrics implements OperationsMonitor {

    private final MeterRegistry registry;
    private final HostStates hosts;
    private final SlowReads slowReads;
    private final LongAdder lookups = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder forced = new LongAdder();
    private final LongAdder waitersAnswered = new LongAdder();
    private final LongAdder waiterRefreshes = new LongAdder();
    private final Timer localRefresh;
    private final Timer hostRefresh;
    private final LifecycleCounters lifecycle;
    private final Counter wakeUps;
    private final DistributionSummary metricsItems;
    private final DistributionSummary metricsBytes;
    private final Counter retentionDeleted;
    private final DistributionSummary dataLoadRate;
    private final Map<String, Map<HostCallOutcome, Timer>> hostCalls = new ConcurrentHashMap<>();
    private final Map<String, Timer> signals = new ConcurrentHashMap<>();
    private final Map<String, ServedVersion> served = new ConcurrentHashMap<>();

    /** Counts status changes of {@code types} from zero; another type (read from the store) is counted from its first change. */
    public OperationsMetrics(MeterRegistry registry, HostStates hosts, SlowReads slowReads, OperationTypes types) {
        this.registry = registry;
        this.hosts = hosts;
        this.slowReads = slowReads;
        queries("cache_hit", m -> m.lookups.sum() - m.misses.sum());
        queries("cache_miss", m -> m.misses.sum());
        queries("forced", m -> m.forced.sum());
        queries("longpoll", m -> m.waitersAnswered.sum());
        FunctionCounter.builder("opsbridge.longpoll.refreshes", this, m -> m.waiterRefreshes.sum())
                .description("Source reads made for long-poll waiters: one per wake-up, however many wait")
                .register(registry);
        Gauge.builder("opsbridge.cache.hit.ratio", this, OperationsMetrics::hitRatio)
                .description("Share of reads of one operation (every outcome) that needed no source read of their own")
                .register(registry);
        localRefresh = refreshTimer("local");
        hostRefresh = refreshTimer("host");
        lifecycle = new LifecycleCounters(registry, types.all());
        wakeUps = Counter.builder("opsbridge.longpoll.wakeups")
                .description("Long-polling clients answered because the operation's version moved").register(registry);
        metricsItems = DistributionSummary.builder("opsbridge.metrics.read.items")
                .description("Metrics served per metrics-cursor read").register(registry);
        metricsBytes = DistributionSummary.builder("opsbridge.metrics.read").baseUnit("bytes")
                .description("Body size of each metrics-cursor read").register(registry);
        retentionDeleted = Counter.builder("opsbridge.retention.deleted")
                .description("Finished operations deleted by retention").register(registry);
        dataLoadRate = DistributionSummary.builder("opsbridge.data.load.rows.per.second")
                .description("Rows per second of each completed data load, start to end").register(registry);
    }

    /** Starts counting: from now on the engine's call sites reach this object. */
    public void install() {
        Monitoring.install(this);
    }

    /** Stops counting (the app stops; a test starts another app in this JVM). */
    public void uninstall() {
        Monitoring.uninstall(this);
    }

    @Override
    public void queried(boolean forcedRead) {
        (forcedRead ? forced : lookups).increment();
    }

    @Override
    public void cacheMissed() {
        misses.increment();
    }

    @Override
    public void refreshed(String source, long nanos) {
        ("host".equals(source) ? hostRefresh : localRefresh).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void hostCalled(String host, HostCallOutcome outcome, long nanos, String error) {
        hostCalls.computeIfAbsent(host, this::registerHost).get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        hosts.record(host, outcome.reachable(), error);
    }

    @Override
    public void created(OperationInfo info) {
        lifecycle.created(info);
    }

    @Override
    public void capacityRejected(OperationInfo info) {
        lifecycle.capacityRejected(info);
    }

    @Override
    public void rateLimited(String kind) {
        lifecycle.rateLimited(kind);
    }

    @Override
    public void statusChanged(OperationInfo info) {
        lifecycle.statusChanged(info);
        if (info.operationType().equals(OperationType.DATA_LOADING) && info.status() == OperationStatus.COMPLETED) {
            DataLoadRate.of(info).ifPresent(dataLoadRate::record);
        }
    }

    @Override
    public void longPollRefreshed() {
        waiterRefreshes.increment();
    }

    @Override
    public void waitersWoken(int count) {
        wakeUps.increment(count);
        waitersAnswered.add(count);
    }

    @Override
    public void metricsServed(int items, long bytes) {
        metricsItems.record(items);
        metricsBytes.record(bytes);
    }

    @Override
    public void retentionDeleted(int count) {
        retentionDeleted.increment(count);
    }

    @Override
    public void signalsServed(String strategy, String version, long nanos) {
        signals.computeIfAbsent(strategy, s -> Timer.builder("opsbridge.signals").tag("strategy", s)
                .description("Signal generation by strategy").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        served.computeIfAbsent(strategy, this::registerServed).set(version);
    }

    @Override
    public void readFinished(String operationId, boolean forcedRead, long totalNanos, long bridgeNanos, long hostNanos) {
        slowReads.check(operationId, forcedRead, totalNanos, bridgeNanos, hostNanos);
    }

    private void queries(String outcome, java.util.function.ToDoubleFunction<OperationsMetrics> count) {
        FunctionCounter.builder("opsbridge.queries", this, count).tag("outcome", outcome)
                .description("Reads of one operation by outcome").register(registry);
    }

    /**
     * Reads answered without a source read of their own, over all reads: cache hits, and long-poll
     * answers less the one refresh each wake-up shares among them; misses and forced reads read the source.
     */
    private double hitRatio() {
        double hits = lookups.sum() - misses.sum();
        double answered = waitersAnswered.sum();
        double all = lookups.sum() + forced.sum() + answered;
        return all == 0 ? Double.NaN : Math.max(0, hits + answered - waiterRefreshes.sum()) / all;
    }

    private Timer refreshTimer(String source) {
        return Timer.builder("opsbridge.refresh").tag("source", source)
                .description("One pull of a running operation's source (local bridge or worker host)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    private Map<HostCallOutcome, Timer> registerHost(String host) {
        Map<HostCallOutcome, Timer> byOutcome = new EnumMap<>(HostCallOutcome.class);
        for (HostCallOutcome outcome : HostCallOutcome.values()) {
            byOutcome.put(outcome, Timer.builder("opsbridge.host.calls").tag("host", host).tag("outcome", outcome.tag())
                    .description("Calls to a worker host by outcome").publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
        Gauge.builder("opsbridge.host.reachable", hosts, h -> h.of(host).map(s -> s.reachable() ? 1.0 : 0.0).orElse(Double.NaN))
                .tag("host", host).description("1 if the worker host answered the last call or probe, 0 if not")
                .register(registry);
        return byOutcome;
    }

    private ServedVersion registerServed(String strategy) {
        ServedVersion version = new ServedVersion();
        Gauge.builder("opsbridge.model.served.version", version, ServedVersion::number).tag("strategy", strategy)
                .description("The model version (N of vN) that answered the last signals request").register(registry);
        return version;
    }

    /** The last version served for one strategy, as the number of {@code vN}. */
    static final class ServedVersion {
        private volatile double number = Double.NaN;

        void set(String version) {
            try {
                number = Double.parseDouble(version.startsWith("v") ? version.substring(1) : version);
            } catch (RuntimeException e) {
                number = Double.NaN;
            }
        }

        double number() {
            return number;
        }
    }
}
