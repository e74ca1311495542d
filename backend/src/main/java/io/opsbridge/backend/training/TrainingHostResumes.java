package io.opsbridge.backend.training;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.hosts.HostPool;
import io.opsbridge.core.hosts.HostStarted;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.lifecycle.HostPlacement;
import io.opsbridge.core.lifecycle.HostResumableWork;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.OperationServiceProxies;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.server.health.HostProbe;
import io.opsbridge.server.health.HostProbes;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingResumes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A training whose host was lost (or that failed on a host and an operator resumes) starts again on
 * the next reachable training host: the request its operation recorded (with its seed), under the same
 * checkpoint key (the backend's operation id), so the new host continues from the newest checkpoint in
 * the shared models directory. Before a new attempt is claimed, the configured training hosts are
 * probed for readiness; a run placed for an operation cancelled meanwhile is cancelled on its host.
 */
@ApplicationScoped
public class TrainingHostResumes implements HostResumableWork {

    private static final Logger LOG = Logger.getLogger(TrainingHostResumes.class);

    private final WorkRouter<TrainingRequest> trainings;
    private final TrainingResumes resumes;
    private final Settings settings;
    private final HostProbes probes;
    private final OperationServiceProxies proxies;

    public TrainingHostResumes(WorkRouter<TrainingRequest> trainings, TrainingResumes resumes, Settings settings,
            HostProbes probes, OperationServiceProxies proxies) {
        this.trainings = trainings;
        this.resumes = resumes;
        this.settings = settings;
        this.probes = probes;
        this.proxies = proxies;
    }

    @Override
    public OperationType type() {
        return OperationType.TRAINING;
    }

    /** Whether a configured training host answers its readiness with 200 now. */
    @Override
    public boolean anyHostReady() {
        List<String> hosts = settings.current().section(TrainingRoutingConfig.class).hosts().orElse(List.of()).stream()
                .filter(url -> url != null && !url.isBlank()).map(HostCalls::normalize).distinct().toList();
        return !hosts.isEmpty() && probes.probeAll(hosts).stream().anyMatch(TrainingHostResumes::ready);
    }

    private static boolean ready(HostProbe.Result probed) {
        return probed.reachable() && probed.status() == 200;
    }

    @Override
    public HostPlacement place(OperationInfo resumed) {
        resumes.storeCheckpointedEpochs(resumed);
        HostPool.Started<HostStarted> started = trainings.placeOnHost(TrainingResumes.requestOf(resumed),
                resumed.operationId());
        return new HostPlacement(started.hostUrl(), started.answer().operationId(), started.answer().sessionId());
    }

    @Override
    public void withdraw(String operationId, HostPlacement placed) {
        try {
            proxies.forHost(placed.hostUrl()).cancel(placed.hostOperationId());
        } catch (HostException e) {
            LOG.warnf("operation %s: the run placed on %s as %s was not cancelled there (%s)", operationId,
                    placed.hostUrl(), placed.hostOperationId(), e.getMessage());
        }
    }
}
