package io.opsbridge.backend.training;

import io.opsbridge.workloads.training.TrainingRequest;
import io.opsbridge.workloads.training.TrainingStartResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The typed {@code /training} client of a training host; {@link TrainingHostClient} owns its failures. */
@RegisterRestClient
@Path("/training")
interface TrainingHostApi {

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    TrainingStartResponse start(TrainingRequest request);
}
