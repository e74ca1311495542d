package io.opsbridge.backend.models.rest;

import io.opsbridge.api.Problem;
import io.opsbridge.backend.models.ModelLoadException;
import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.NoModelLoadedException;
import io.opsbridge.backend.models.store.RegistryStoreException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Model registry errors as {@code application/problem+json}, next to the platform's {@code ProblemMappers}. */
public class ModelProblemMappers {

    private static final Logger LOG = Logger.getLogger(ModelProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(ModelNotFoundException e) {
        return problem(404, "model-not-found", "Model not found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response loadFailed(ModelLoadException e) {
        return problem(500, "model-load-failed", "Model could not be loaded", e.getMessage());
    }

    @ServerExceptionMapper
    public Response noModel(NoModelLoadedException e) {
        return Response.fromResponse(problem(503, "no-model-loaded", "No model loaded", e.getMessage()))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response store(RegistryStoreException e) {
        LOG.error("model registry database error", e);
        return problem(500, "registry-unavailable", "Model registry unavailable", e.getMessage());
    }

    static Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:opsbridge:problem:" + type, title, status, detail, null)).build();
    }
}
