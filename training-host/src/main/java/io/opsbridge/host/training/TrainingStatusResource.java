package io.opsbridge.host.training;

import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.server.hosts.HostStatusResource;
import io.opsbridge.workloads.training.HostTrainingRequest;
import jakarta.ws.rs.Path;

/** Kept for old clients: {@code GET /training/status/{session_id}}; use {@code GET /api/v1/operations/host_training_{session_id}}. */
@Path("/training/status")
public class TrainingStatusResource extends HostStatusResource {

    public TrainingStatusResource(HostSessions<HostTrainingRequest> trainings) {
        super(trainings);
    }
}
