package io.opsbridge.host.data;

import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.server.hosts.HostStatusResource;
import io.opsbridge.workloads.data.DataLoadRequest;
import jakarta.ws.rs.Path;

/** Kept for old clients: {@code GET /data/status/{session_id}}; use {@code GET /api/v1/operations/host_data_{session_id}}. */
@Path("/data/status")
public class DataStatusResource extends HostStatusResource {

    public DataStatusResource(HostSessions<DataLoadRequest> loads) {
        super(loads);
    }
}
