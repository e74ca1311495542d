package io.opsbridge.backend.models.rest;

import io.opsbridge.backend.models.ModelLoadException;
import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.NoModelLoadedException;
import io.opsbridge.backend.models.store.RegistryStoreException;
import io.opsbridge.server.problem.ProblemAnswer;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Model registry errors as {@code application/problem+json}, made like every other by {@link ProblemAnswer}. */
public class ModelProblemMappers {

    private static final Logger LOG = Logger.getLogger(ModelProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(ModelNotFoundException e) {
        return problem(404, "model-not-found", "Model not found", e.getMessage());
    }

    /** 409: the version exists but its artifact does not load; the request conflicts with what is stored, not a server fault. */
    @ServerExceptionMapper
    public Response loadFailed(ModelLoadException e) {
        return problem(409, "model-load-failed", "Model could not be loaded", e.getMessage());
    }

    @ServerExceptionMapper
    public Response noModel(NoModelLoadedException e) {
        return ProblemAnswer.of(503, "no-model-loaded", "No model loaded").detail(e.getMessage()).retryAfter(5)
                .response();
    }

    @ServerExceptionMapper
    public Response store(RegistryStoreException e) {
        LOG.error("model registry database error", e);
        // the database is down or refusing: transient for the client, so 503 with a retry hint
        return ProblemAnswer.of(503, "registry-unavailable", "Model registry unavailable")
                .detail("the model registry's database did not answer; retry later").retryAfter(5).response();
    }

    private static Response problem(int status, String type, String title, String detail) {
        return ProblemAnswer.of(status, type, title).detail(detail).response();
    }
}
