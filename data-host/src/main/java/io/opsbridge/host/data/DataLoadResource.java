package io.opsbridge.host.data;

import io.opsbridge.core.hosts.HostSessions;
import io.opsbridge.server.hosts.HostStartResource;
import io.opsbridge.workloads.data.DataLoadRequest;
import jakarta.ws.rs.Path;

/**
 * {@code POST /data/load}: 202 with {@code session_id}, {@code operation_id} and {@code status}, at
 * once. Progress, metrics, results and cancel are the shared {@code /api/v1/operations} resource.
 */
@Path("/data/load")
public class DataLoadResource extends HostStartResource<DataLoadRequest> {

    public DataLoadResource(HostSessions<DataLoadRequest> loads) {
        super(loads);
    }
}
