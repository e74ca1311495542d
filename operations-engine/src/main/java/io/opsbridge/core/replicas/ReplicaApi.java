package io.opsbridge.core.replicas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** {@code GET /api/v1/replica} of another replica: who answers at an advertised URL. */
@RegisterRestClient
@Path("/api/v1/replica")
@Produces(MediaType.APPLICATION_JSON)
public interface ReplicaApi {

    /** Who answers: node id, the instance id of its start, and its state. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Answer(String nodeId, String instanceId, String advertisedUrl, String state) {
    }

    @GET
    Answer whoAreYou();
}
