package io.opsbridge.backend.data;

import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.operations.StartResource;
import io.opsbridge.workloads.data.DataLoadRequest;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/data/loads}: answers 202 with the new {@code data_loading} operation at once;
 * the client follows it at {@code /api/v1/operations/{id}}, symbol by symbol, wherever it runs.
 */
@Path("/api/v1/data/loads")
@Tag(name = "data loads", description = "Load market data into the dataset store, here or on a data host")
public class DataLoadResource extends StartResource<DataLoadRequest> {

    public DataLoadResource(WorkRouter<DataLoadRequest> loads, IdempotencyKeys keys, OperationsService operations) {
        super(loads, keys, operations);
    }
}
