package io.opsbridge.core.service;

import io.opsbridge.api.OperationType;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.cache.OperationCache;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.CompletionHook;
import io.opsbridge.core.lifecycle.HostResumableWork;
import io.opsbridge.core.lifecycle.LostHosts;
import io.opsbridge.core.lifecycle.LostWork;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.lifecycle.ResumableWork;
import io.opsbridge.core.proxy.OperationServiceProxies;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMappingStore;
import io.quarkus.arc.All;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The operations engine as CDI beans, wired once by {@link OperationsCore}. */
public class OperationsBeans {

    @Produces
    @Singleton
    OperationsCore core(OperationStore store, RemoteMappingStore mappings, OperationServiceProxies proxies,
            Settings settings, @All List<CompletionHook> hooks) {
        return OperationsCore.builder(store).mappings(mappings).proxies(proxies::forHost).settings(settings)
                .hooks(hooks).build();
    }

    /** The built-in types and every {@code @Produces OperationType} of the application's modules. */
    @Produces
    @Singleton
    OperationTypes types(@All List<OperationType> declared) {
        return OperationTypes.with(declared);
    }

    @Produces
    @Singleton
    OperationsService operations(OperationsCore core) {
        return core.operations();
    }

    @Produces
    @Singleton
    OperationLifecycle lifecycle(OperationsCore core) {
        return core.lifecycle();
    }

    /**
     * Resumes of interrupted work, for every type that has a {@link ResumableWork} (the training's): a
     * lost replica's by the replica whose read claims it; a lost host's on another host by reads, and a
     * failed host training by an operator on a ready host, for every type with a {@link HostResumableWork}.
     */
    @Produces
    @Singleton
    OperationResumes resumes(OperationsCore core, @All List<ResumableWork> works, RemoteMappingStore mappings,
            @All List<HostResumableWork> hostWorks) {
        OperationResumes resumes = new OperationResumes(core.lifecycle(), works);
        LostHosts onHosts = new LostHosts(resumes, core.lifecycle(), mappings, hostWorks);
        resumes.resumeOnHostsWith(onHosts);
        core.operations().resumeLostWith(new LostWork(resumes, onHosts));
        return resumes;
    }

    @Produces
    @Singleton
    ProgressSources sources(OperationsCore core) {
        return core.sources();
    }

    @Produces
    @Singleton
    OperationCache cache(OperationsCore core) {
        return core.cache();
    }
}
