package io.opsbridge.core.hosts;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The start call every worker host answers alike: a JSON request posted to the start URL itself
 * (e.g. {@code http://gpu-1:8081/training/start}), a {@link HostStarted} back; {@link HostStarter} owns its failures.
 */
@RegisterRestClient
@Path("")
interface HostStartApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HostStarted start(Object request);
}
