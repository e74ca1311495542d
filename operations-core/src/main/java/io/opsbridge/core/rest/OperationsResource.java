package io.opsbridge.core.rest;

import io.opsbridge.core.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.longpoll.VersionWaiters;
import io.opsbridge.core.service.OperationsService;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code /api/v1/operations} contract, served unchanged by every process that runs operations.
 * Query parameters are taken as text and parsed here so a bad value is a 400 that names it.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class OperationsResource {

    private final OperationsService operations;
    private final OperationLifecycle lifecycle;
    private final VersionWaiters waiters;
    private final OperationBodies bodies;
    private final Vertx vertx;

    public OperationsResource(OperationsService operations, OperationLifecycle lifecycle, VersionWaiters waiters,
            OperationBodies bodies, Vertx vertx) {
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.waiters = waiters;
        this.bodies = bodies;
        this.vertx = vertx;
    }

    /**
     * The operation, with its version as {@code ETag} ({@code If-None-Match} gives 304). With
     * {@code wait=30s&since_version=N} (or {@code If-None-Match}) the answer waits, holding no thread,
     * until the version exceeds N or the operation ends, or the wait is over.
     *
     * <p>Runs on the event loop: a copy in the cache that needs nothing applied is answered there,
     * from bytes rendered once per version ({@link OperationBodies}). Anything that may block (a
     * store read, a pull from a bridge or a host, the lifecycle, a long-poll) runs on a worker.
     */
    @GET
    @Path("/{id}")
    @NonBlocking
    public CompletionStage<Response> get(@PathParam("id") String id,
            @QueryParam("force_refresh") @DefaultValue("false") String forceRefresh,
            @QueryParam("wait") String wait, @QueryParam("since_version") String sinceVersion,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        boolean force = QueryParams.bool("force_refresh", forceRefresh);
        Duration waitFor = LongPoll.waitParam(wait);
        Long since = LongPoll.sinceVersion(sinceVersion, ifNoneMatch);
        boolean waits = !waitFor.isZero() && since != null;
        if (!force) {
            OperationInfo cached = operations.cachedAnswer(id);
            if (cached != null && (!waits || VersionWaiters.satisfies(cached, since))) {
                return CompletableFuture.completedFuture(answer(cached, ifNoneMatch));
            }
        }
        if (!waits) {
            return onWorker(() -> answer(operations.get(id, force), ifNoneMatch));
        }
        return onWorker(() -> waiters.await(id, since, waitFor))
                .thenCompose(answer -> answer.thenApply(info -> answer(info, ifNoneMatch)));
    }

    @GET
    public OperationList list(@QueryParam("status") String status, @QueryParam("operation_type") String type,
            @QueryParam("limit") @DefaultValue("50") String limit, @QueryParam("offset") @DefaultValue("0") String offset) {
        return operations.list(new OperationQuery(
                status == null || status.isBlank() ? null : OperationStatus.fromWire(status),
                type == null || type.isBlank() ? null : OperationType.fromWire(type),
                QueryParams.integer("limit", limit), QueryParams.integer("offset", offset)));
    }

    @GET
    @Path("/{id}/metrics")
    public MetricsResponse metrics(@PathParam("id") String id, @QueryParam("cursor") @DefaultValue("0") String cursor) {
        return operations.metrics(id, QueryParams.integer("cursor", cursor));
    }

    @GET
    @Path("/{id}/results")
    public OperationResults results(@PathParam("id") String id) {
        return operations.results(id);
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/cancel")
    public OperationInfo cancel(@PathParam("id") String id) {
        return lifecycle.cancel(id);
    }

    private Response answer(OperationInfo info, String ifNoneMatch) {
        return LongPoll.answer(bodies.of(info), ifNoneMatch, operations.cacheTtl());
    }

    /** Runs {@code work} on a worker thread (it may block), answering on the request's context. */
    private <T> CompletionStage<T> onWorker(Callable<T> work) {
        return vertx.executeBlocking(work, false).toCompletionStage();
    }

    /** Query parameter parsing with 400s that name the parameter. */
    static final class QueryParams {
        private QueryParams() {
        }

        static int integer(String name, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(name, "must be an integer, was '" + value + "'");
            }
        }

        static boolean bool(String name, String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0", "" -> false;
                default -> throw new InvalidRequestException(name, "must be true or false, was '" + value + "'");
            };
        }
    }
}
