package io.opsbridge.core.service;

import com.github.benmanes.caffeine.cache.Ticker;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.HostSources;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.CompletionHook;
import io.opsbridge.core.lifecycle.CompletionHooks;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.proxy.OperationServiceProxy;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.InMemoryRemoteMappingStore;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMappingStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations engine wired together: cache, sources, lifecycle and the read façade over one
 * store. The CDI producers build it from the application's beans; tests and embedders build it
 * with a ticker and clock they can move.
 *
 * <pre>{@code
 * OperationsCore core = OperationsCore.builder(store).settings(settings).ticker(ticker).clock(clock).build();
 * core.lifecycle().create(OperationType.TRAINING, metadata);
 * core.operations().get(id, false);
 * }</pre>
 */
public record OperationsCore(Settings settings, OperationCache cache, ProgressSources sources, HostSources hosts,
        OperationLifecycle lifecycle, OperationsService operations) {

    public static Builder builder(OperationStore store) {
        return new Builder(store);
    }

    /** Collects the parts; everything but the store has a default. */
    public static final class Builder {
        private final OperationStore store;
        private RemoteMappingStore mappings;
        private Function<String, OperationServiceProxy> proxies = url -> {
            throw new IllegalStateException("no host proxies configured here, cannot follow " + url);
        };
        private Settings settings;
        private Ticker ticker = Ticker.systemTicker();
        private Clock clock = Clock.systemUTC();
        private List<CompletionHook> hooks = List.of();

        private Builder(OperationStore store) {
            this.store = store;
            this.mappings = new InMemoryRemoteMappingStore(store);
        }

        /** Where host mappings live (e.g. the database, shared by replicas); this process's memory by default. */
        public Builder mappings(RemoteMappingStore value) {
            this.mappings = value;
            return this;
        }

        /** The proxy of a host URL, to follow host operations started elsewhere. */
        public Builder proxies(Function<String, OperationServiceProxy> value) {
            this.proxies = value;
            return this;
        }

        public Builder settings(Settings value) {
            this.settings = value;
            return this;
        }

        /** Settings from these properties over the defaults. */
        public Builder settings(Map<String, String> properties) {
            return settings(new Settings(RuntimeSettings.of(properties)));
        }

        public Builder ticker(Ticker value) {
            this.ticker = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder hooks(List<CompletionHook> value) {
            this.hooks = value;
            return this;
        }

        public OperationsCore build() {
            Settings s = settings != null ? settings : new Settings(RuntimeSettings.of(Map.of()));
            OperationCache cache = new OperationCache(s, ticker);
            HostSources hosts = new HostSources(store, mappings, proxies, s, clock);
            ProgressSources sources = new ProgressSources(store, s, clock, List.of(hosts));
            OperationLifecycle lifecycle = new OperationLifecycle(store, sources, cache, new CompletionHooks(hooks), clock);
            return new OperationsCore(s, cache, sources, hosts, lifecycle, new OperationsService(store, cache, sources,
                    lifecycle, s, clock));
        }
    }
}
