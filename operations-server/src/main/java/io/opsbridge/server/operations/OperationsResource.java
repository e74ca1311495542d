package io.opsbridge.server.operations;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.longpoll.VersionWaiters;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.security.Roles;
import io.opsbridge.server.security.ViewerReadPolicy;
import io.quarkus.vertx.http.security.AuthorizationPolicy;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.concurrent.Executor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The {@code /api/v1/operations} contract, served unchanged by every process that runs operations.
 * Query parameters are taken as text and parsed here so a bad value is a 400 that names it.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Follow any long-running operation: state, metrics, results, cancel")
@RolesAllowed(Roles.VIEWER)
public class OperationsResource {

    private final OperationsService operations;
    private final OperationLifecycle lifecycle;
    private final VersionWaiters waiters;
    private final OperationBodies bodies;
    private final Vertx vertx;
    private final OperationTypes types;
    /** Vert.x's worker pool, for the blocking parts of a forced refresh. */
    private final Executor blocking;

    public OperationsResource(OperationsService operations, OperationLifecycle lifecycle, VersionWaiters waiters,
            OperationBodies bodies, Vertx vertx, OperationTypes types) {
        this.operations = operations;
        this.lifecycle = lifecycle;
        this.waiters = waiters;
        this.bodies = bodies;
        this.vertx = vertx;
        this.types = types;
        this.blocking = task -> vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
    }

    /**
     * The operation, with its version as {@code ETag} ({@code If-None-Match} gives 304). With
     * {@code wait=30s&since_version=N} (or {@code If-None-Match}) the answer waits, holding no thread,
     * until the version exceeds N or the operation ends, or the wait is over.
     *
     * <p>Runs on the event loop: a copy in the cache that needs nothing applied is answered there,
     * from bytes rendered once per version ({@link OperationBodies}). A forced refresh of a host
     * operation waits for the host without a thread ({@link OperationsService#refresh}). Anything
     * that may block (a store read, a pull from a bridge, the lifecycle, a long-poll) runs on a worker.
     */
    @GET
    @Path("/{id}")
    @NonBlocking
    @AuthorizationPolicy(name = ViewerReadPolicy.NAME) // the class's viewer rule, without an anonymous identity
    @Operation(summary = "Read one operation", description = "Answers from a copy at most one cache TTL old"
            + " (force_refresh=true reads the source now). With wait=30s and since_version=N (or If-None-Match)"
            + " the answer waits until the version passes N or the operation ends.")
    @APIResponse(responseCode = "200", description = "The operation; ETag is its version, Retry-After (while it runs)"
            + " says when to ask again", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OperationInfo.class)), headers = {@Header(name = "ETag"),
            @Header(ref = "Retry-After")})
    @APIResponse(responseCode = "304", description = "Still at the version given in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
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
                Monitoring.monitor().queried(false); // a cache hit that never reaches operations.get
                return CompletableFuture.completedFuture(answer(cached, ifNoneMatch));
            }
        }
        if (force && !waits) {
            // a host answer that only moves the progress is answered on the event loop, no worker waits for it
            return operations.refresh(id, blocking).thenApply(info -> answer(info, ifNoneMatch));
        }
        if (!waits) {
            return onWorker(() -> answer(operations.get(id, false), ifNoneMatch));
        }
        return onWorker(() -> waiters.await(id, since, waitFor))
                .thenCompose(answer -> answer.thenApply(info -> answer(info, ifNoneMatch)));
    }

    @GET
    @Operation(summary = "List operations, newest first", description = "Filter by status and operation_type;"
            + " total counts the matches, active_count the pending and running ones")
    @APIResponse(responseCode = "200", description = "One page of operations")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public OperationList list(@QueryParam("status") String status, @QueryParam("operation_type") String type,
            @QueryParam("limit") @DefaultValue("50") String limit, @QueryParam("offset") @DefaultValue("0") String offset) {
        return operations.list(new OperationQuery(
                status == null || status.isBlank() ? null : OperationStatus.fromWire(status),
                type == null || type.isBlank() ? null : types.parse("operation_type", type),
                QueryParams.integer("limit", limit), QueryParams.integer("offset", offset)));
    }

    @GET
    @Path("/{id}/metrics")
    @MetricsReadSize
    @Operation(summary = "Read the metrics after a cursor", description = "Each metric once to a client that"
            + " passes the new_cursor of one answer as the cursor of the next")
    @APIResponse(responseCode = "200", description = "The metrics after the cursor and the cursor to ask with next")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public MetricsResponse metrics(@PathParam("id") String id, @QueryParam("cursor") @DefaultValue("0") String cursor) {
        return operations.metrics(id, QueryParams.integer("cursor", cursor));
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "Read the result of a completed operation")
    @APIResponse(responseCode = "200", description = "The result summary")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    public OperationResults results(@PathParam("id") String id) {
        return operations.results(id);
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a pending or running operation", description = "Cancelling a cancelled one"
            + " answers it unchanged; a completed or failed one is a 409")
    @APIResponse(responseCode = "200", description = "The operation, now cancelled")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
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
