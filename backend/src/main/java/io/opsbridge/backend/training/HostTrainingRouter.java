package io.opsbridge.backend.training;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.CapacityExceededException;
import io.opsbridge.core.hosts.HostedOperations;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.HostUnreachableException;
import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingStartResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Starts host-mode trainings: round robin over the configured hosts, skipping those that cannot be
 * reached or are full, and records the operation only once a host has accepted it. The backend then
 * follows it through an {@link io.opsbridge.core.proxy.OperationServiceProxy}; it runs no
 * orchestrator and holds no bridge for it.
 */
@ApplicationScoped
public class HostTrainingRouter {

    private static final Logger LOG = Logger.getLogger(HostTrainingRouter.class);

    private final List<String> hosts;
    private final TrainingHostClient client;
    private final HostedOperations hosted;
    private final AtomicInteger next = new AtomicInteger();

    public HostTrainingRouter(TrainingRoutingConfig config, TrainingHostClient client, HostedOperations hosted) {
        this.hosts = config.hosts().orElse(List.of()).stream()
                .filter(h -> !h.isBlank()).map(HostCalls::normalize).distinct().toList();
        this.client = client;
        this.hosted = hosted;
    }

    /** Whether any training host is configured. */
    public boolean configured() {
        return !hosts.isEmpty();
    }

    /**
     * Starts the training on the next host that takes it and returns the running backend operation.
     *
     * @throws HostUnreachableException (503) if no host could be reached; nothing is recorded
     * @throws CapacityExceededException (503) if every reachable host is full
     * @throws InvalidRequestException (400) if the host refused the request (e.g. it lacks the data)
     * @throws HostException (502/504) for any other host failure
     */
    public OperationInfo start(TrainingRequest valid) {
        int first = Math.floorMod(next.getAndIncrement(), hosts.size());
        HostException lastFailure = null;
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get((first + i) % hosts.size());
            try {
                return record(host, client.start(host, valid), valid);
            } catch (HostUnreachableException e) {
                lastFailure = e;
            } catch (HostRejectedException e) {
                if (e.status() == 400 || e.status() == 422) {
                    throw new InvalidRequestException(e.field() == null ? "body" : e.field(),
                            "training host " + host + " refused the request: " + e.detail());
                }
                if (e.status() != 503) {
                    throw e;
                }
                lastFailure = e;
            }
            if (i < hosts.size() - 1) {
                LOG.warnf("training host %s did not take the training, trying the next one: %s", host,
                        lastFailure.getMessage());
            }
        }
        if (lastFailure instanceof HostRejectedException) {
            throw new CapacityExceededException("every training host is busy; try again later");
        }
        throw new HostUnreachableException(lastFailure.hostUrl(), "no training host is reachable (tried "
                + String.join(", ", hosts) + "); last error: " + lastFailure.getMessage(), lastFailure);
    }

    private OperationInfo record(String host, TrainingStartResponse started, TrainingRequest valid) {
        return hosted.follow(OperationType.TRAINING, valid.symbols(), valid.timeframe(), valid.toParameters(), host,
                started.operationId(), started.sessionId());
    }
}
