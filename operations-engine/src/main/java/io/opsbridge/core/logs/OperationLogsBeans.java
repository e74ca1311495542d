package io.opsbridge.core.logs;

import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.proxy.OperationServiceProxies;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/** Operation logs as CDI beans; the MDC handler sits on the root logger from startup to shutdown. */
public class OperationLogsBeans {

    @Produces
    @Singleton
    OperationLogs logs(OperationStore store, Settings settings) {
        return new OperationLogs(store, settings);
    }

    @Produces
    @Singleton
    OperationLogHandler handler(OperationLogs logs) {
        return new OperationLogHandler(logs);
    }

    @Produces
    @Singleton
    OperationLogReads reads(OperationLogs logs, OperationStore store, OperationServiceProxies proxies, Settings settings,
            ProgressSources sources) {
        return new OperationLogReads(logs, store, proxies::forHost, settings, sources::of);
    }

    void install(@Observes StartupEvent event, OperationLogHandler handler) {
        Logger.getLogger("").addHandler(handler);
    }

    void uninstall(@Observes ShutdownEvent event, OperationLogHandler handler, OperationLogs logs) {
        Logger.getLogger("").removeHandler(handler);
        logs.close();
    }
}
