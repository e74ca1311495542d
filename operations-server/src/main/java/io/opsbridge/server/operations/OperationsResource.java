package io.opsbridge.server.operations;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationResults;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.core.OperationTypes;
import io.opsbridge.core.longpoll.VersionWaiters;
import io.opsbridge.core.monitoring.Monitoring;
import io.opsbridge.core.service.OperationsService;
import io.opsbridge.server.security.Roles;
import io.opsbridge.server.security.ViewerReadPolicy;
import io.quarkus.vertx.http.security.AuthorizationPolicy;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    private final VersionWaiters waiters;
    private final OperationBodies bodies;
    private final Vertx vertx;
    private final OperationTypes types;
    /** Vert.x's worker pool, for the blocking parts of a read. */
    private final Executor blocking;

    public OperationsResource(OperationsService operations, VersionWaiters waiters,
            OperationBodies bodies, Vertx vertx, OperationTypes types) {
        this.operations = operations;
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
     * from bytes rendered once per version ({@link OperationBodies}). Every other read is the one
     * {@link OperationsService#read}: a host is waited for without a thread; anything that may block
     * (a store read, a pull from a bridge, the lifecycle) runs on a worker, as the long-poll does.
     */
    @GET
    @Path("/{id}")
    @NonBlocking
    @AuthorizationPolicy(name = ViewerReadPolicy.NAME) // the class's viewer rule, without an anonymous identity
    @Operation(operationId = "getOperation", summary = "Read one operation", description = "Answers from a copy at most one cache TTL old"
            + " (force_refresh=true reads the source now). With wait=30s and since_version=N (or If-None-Match)"
            + " the answer waits until the version passes N or the operation ends.")
    @APIResponse(responseCode = "200", description = "The operation; ETag is its version, Retry-After (while it runs)"
            + " says when to ask again", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OperationInfo.class)), headers = {@Header(name = "ETag"),
            @Header(name = "Cache-Control"), @Header(ref = "Retry-After")})
    @APIResponse(responseCode = "304", description = "Still at a version given in If-None-Match (a list, weak tags"
            + " and * count); the same ETag, Cache-Control and Retry-After as the 200", headers = {@Header(name = "ETag"),
            @Header(name = "Cache-Control"), @Header(ref = "Retry-After")})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @Parameter(name = "force_refresh", in = ParameterIn.QUERY, description = "Read the source now, not the cached copy",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = "How long to wait for a newer version (at most 60s),"
            + " with since_version or If-None-Match", schema = @Schema(type = SchemaType.STRING,
            pattern = "^[0-9]{1,9}(ms|s|m)?$", example = "30s"))
    @Parameter(name = "since_version", in = ParameterIn.QUERY, description = "The version the client has",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETags the client has, e.g. \"42\" or \"41\", W/\"42\"",
            schema = @Schema(type = SchemaType.STRING))
    public CompletionStage<Response> get(@PathParam("id") String id,
            @QueryParam("force_refresh") @DefaultValue("false") String forceRefresh,
            @QueryParam("wait") String wait, @QueryParam("since_version") String sinceVersion,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        boolean force = QueryParams.bool("force_refresh", forceRefresh);
        Duration waitFor = LongPoll.waitParam(wait);
        Long since = LongPoll.sinceVersion(sinceVersion, ifNoneMatch);
        boolean waits = !waitFor.isZero() && since != null;
        if (!waits) {
            // one read: a cache hit answers on the event loop; a host answer that only moves the progress too
            return RequestContexts.onThisRequest(operations.read(id, force, blocking)).thenApply(info -> answer(info, ifNoneMatch));
        }
        if (!force) {
            OperationInfo cached = operations.cachedAnswer(id);
            if (cached != null && VersionWaiters.satisfies(cached, since)) {
                Monitoring.monitor().queried(false); // answered from the cache without a read
                return CompletableFuture.completedFuture(answer(cached, ifNoneMatch));
            }
        }
        Context request = Vertx.currentContext();
        return onWorker(() -> waiters.await(id, since, waitFor))
                .thenCompose(answer -> RequestContexts.onContext(answer, request).thenApply(info -> answer(info, ifNoneMatch)));
    }

    @GET
    @Operation(operationId = "listOperations", summary = "List and search operations, newest first",
            description = "Filters combine (AND): status,"
            + " operation_type, an id prefix, an exact symbol, an exact strategy and a created-at range; each is served"
            + " by an index. total counts the matches, counts the matches per status as if no status were asked for"
            + " (what a status filter would leave), active_count every pending and running operation.")
    @APIResponse(responseCode = "200", description = "One page of operations")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public OperationList list(
            @Parameter(description = "pending, running, completed, failed or cancelled",
                    schema = @Schema(implementation = OperationStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "training, data_loading or another registered type",
                    schema = @Schema(ref = "OperationType"))
            @QueryParam("operation_type") String type,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "" + OperationQuery.MAX_LIMIT, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Parameter(description = "operations to skip", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                    defaultValue = "0"))
            @QueryParam("offset") @DefaultValue("0") String offset,
            @Parameter(description = "operations whose id starts with it, e.g. op_training_20261206",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OperationQuery.MAX_ID_PREFIX))
            @QueryParam("id_prefix") String idPrefix,
            @Parameter(description = "operations that name this symbol (case-insensitive), e.g. AAPL",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OperationQuery.MAX_SYMBOL))
            @QueryParam("symbol") String symbol,
            @Parameter(description = "trainings of this strategy, e.g. mlp_direction",
                    schema = @Schema(type = SchemaType.STRING, maxLength = OperationQuery.MAX_STRATEGY))
            @QueryParam("strategy") String strategy,
            @Parameter(description = "created at or after this ISO-8601 time",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("created_after") String createdAfter,
            @Parameter(description = "created before this ISO-8601 time",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("created_before") String createdBefore,
            @Parameter(description = "newest (default) or oldest first, by creation time",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "oldest"}))
            @QueryParam("sort") String sort) {
        return operations.list(new OperationQuery(
                status == null || status.isBlank() ? null : OperationStatus.fromWire(status),
                type == null || type.isBlank() ? null : types.parse("operation_type", type),
                QueryParams.integer("limit", limit), QueryParams.integer("offset", offset),
                idPrefix, symbol, strategy, QueryParams.time("created_after", createdAfter),
                QueryParams.time("created_before", createdBefore),
                sort == null || sort.isBlank() ? null : OperationQuery.Sort.fromWire(sort)));
    }

    @GET
    @Path("/{id}/metrics")
    @MetricsReadSize
    @Operation(operationId = "getOperationMetrics", summary = "Read the metrics after a cursor", description = "Each metric once to a client that"
            + " passes the new_cursor of one answer as the cursor of the next")
    @APIResponse(responseCode = "200", description = "The metrics after the cursor and the cursor to ask with next")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The new_cursor of the previous answer",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
    public MetricsResponse metrics(@PathParam("id") String id, @QueryParam("cursor") @DefaultValue("0") String cursor) {
        return operations.metrics(id, QueryParams.integer("cursor", cursor));
    }

    @GET
    @Path("/{id}/results")
    @Operation(operationId = "getOperationResults", summary = "Read the result of a completed operation")
    @APIResponse(responseCode = "200", description = "The result summary")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    public OperationResults results(@PathParam("id") String id) {
        return operations.results(id);
    }

    private Response answer(OperationInfo info, String ifNoneMatch) {
        return LongPoll.answer(bodies.of(info), ifNoneMatch, operations.cacheTtl());
    }

    /** Runs {@code work} on a worker thread (it may block), answering on the request's context. */
    private <T> CompletionStage<T> onWorker(Callable<T> work) {
        return vertx.executeBlocking(work, false).toCompletionStage();
    }
}
