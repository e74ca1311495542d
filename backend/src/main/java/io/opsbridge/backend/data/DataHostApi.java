package io.opsbridge.backend.data;

import io.opsbridge.workloads.data.DataLoadRequest;
import io.opsbridge.workloads.data.DataLoadStartResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The typed {@code /data} client of a data host; {@link DataHostClient} owns its failures. */
@Path("/data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface DataHostApi {

    @POST
    @Path("/load")
    DataLoadStartResponse load(DataLoadRequest request);
}
