package io.opsbridge.host.training;

import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.server.hosts.HostStartResource;
import io.opsbridge.workloads.training.HostTrainingRequest;
import jakarta.ws.rs.Path;

/**
 * {@code POST /training/start}: 202 with {@code session_id}, {@code operation_id} and {@code status},
 * at once. Progress, metrics, results and cancel are the shared {@code /api/v1/operations} resource.
 */
@Path("/training/start")
public class TrainingStartResource extends HostStartResource<HostTrainingRequest> {

    public TrainingStartResource(HostSessions<HostTrainingRequest> trainings) {
        super(trainings);
    }
}
