package io.opsbridge.backend.kubernetes;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.core.follow.HostSources;
import io.opsbridge.core.follow.ProgressSource;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.follow.SourceKind;
import io.opsbridge.core.lifecycle.OperationResumes;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.OperationServiceProxies;
import io.opsbridge.core.service.OperationsCore;
import io.opsbridge.core.store.OperationStore;
import io.opsbridge.core.store.RemoteMappingStore;
import io.opsbridge.workloads.training.TrainingResumes;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.Optional;

/**
 * Trainings that run as Kubernetes Jobs ({@code metadata.engine=kubernetes}), recognised by the engine
 * recorded in their metadata (never the current setting), each followed by a {@link JobProgressSource}
 * attached on its first read: so any replica, and a restarted backend, follows them from the database.
 * Registered in the read path's source registry at startup.
 */
@ApplicationScoped
public class KubernetesSources implements SourceKind {

    private final JobClient jobs;
    private final OperationStore store;
    private final RemoteMappingStore mappings;
    private final HostSources hosts;
    private final OperationServiceProxies proxies;
    private final OperationResumes resumes;
    private final TrainingResumes trainings;
    private final TerminalRecords terminals;
    private final JobRecords records;
    private final Clock clock = Clock.systemUTC();

    public KubernetesSources(JobClient jobs, OperationStore store, RemoteMappingStore mappings, OperationsCore core,
            OperationServiceProxies proxies, OperationResumes resumes, TrainingResumes trainings,
            TerminalRecords terminals) {
        this.jobs = jobs;
        this.store = store;
        this.mappings = mappings;
        this.hosts = core.hosts();
        this.proxies = proxies;
        this.resumes = resumes;
        this.trainings = trainings;
        this.terminals = terminals;
        this.records = new JobRecords(store, mappings, clock);
    }

    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) StartupEvent event,
            ProgressSources sources) {
        sources.addKind(this);
    }

    @Override
    public Optional<ProgressSource> attach(OperationInfo info) {
        OperationMetadata m = info.metadata();
        if (m == null || !m.onKubernetes() || m.jobName() == null) {
            return Optional.empty();
        }
        // every Job this version creates records its namespace; a record without one is read where the settings say
        String namespace = m.jobNamespace() != null ? m.jobNamespace() : jobs.namespace();
        return Optional.of(new JobProgressSource(info.operationId(),
                new JobPods(info.operationId(), namespace, m.jobName(), this)));
    }

    /** The id of the one operation the one-job training host at {@code url} holds; empty while it does not answer. */
    Optional<String> hostOperationOn(String url) {
        try {
            OperationList list = proxies.forHost(url).list();
            return list.operations() == null ? Optional.empty()
                    : list.operations().stream().map(OperationInfo::operationId).findFirst();
        } catch (HostException e) {
            return Optional.empty();
        }
    }

    /** The epoch a replacement pod of {@code record} resumes after: its newest checkpoint's, else the last stored. */
    int fromEpoch(OperationInfo record) {
        return trainings.checkpointEpoch(record).orElseGet(() -> {
            Integer last = store.metricsEnd(record.operationId()).lastEpoch();
            return last == null ? 0 : last;
        });
    }

    JobClient jobs() {
        return jobs;
    }

    OperationStore store() {
        return store;
    }

    RemoteMappingStore mappings() {
        return mappings;
    }

    HostSources hosts() {
        return hosts;
    }

    OperationResumes resumes() {
        return resumes;
    }

    TrainingResumes trainings() {
        return trainings;
    }

    TerminalRecords terminals() {
        return terminals;
    }

    JobRecords records() {
        return records;
    }

    Clock clock() {
        return clock;
    }
}
