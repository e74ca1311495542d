package io.opsbridge.backend.training;

import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.run.IdempotencyKeys;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.operations.StartResource;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/trainings}: answers 202 with the new operation at once; the client follows
 * it at {@code /api/v1/operations/{id}}. An {@code Idempotency-Key} makes retries safe.
 */
@Path("/api/v1/trainings")
@Tag(name = "trainings", description = "Start a model training, here or on a training host")
public class TrainingResource extends StartResource<TrainingRequest> {

    public TrainingResource(WorkRouter<TrainingRequest> trainings, IdempotencyKeys keys, OperationsService operations) {
        super(trainings, keys, operations);
    }
}
