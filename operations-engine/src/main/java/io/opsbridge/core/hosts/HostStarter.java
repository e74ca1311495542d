package io.opsbridge.core.hosts;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.OperationIds;
import io.opsbridge.core.proxy.HostCalls;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.RestClients;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Starts work of one type on the next host of its {@link HostPool} that takes it, then records it
 * here and follows it ({@link HostedOperations#follow}). The one reading of what hosts answer:
 * unreachable and full hosts are skipped (all full: 503, none reachable: 503); a 400 or 422 is the
 * client's mistake, an {@link io.opsbridge.api.InvalidRequestException} naming the host's field in
 * the host's words; any other failure stays the {@link io.opsbridge.core.proxy.HostException} it is.
 * Nothing is recorded unless a host accepted.
 */
public class HostStarter {

    private final WorkType type;
    private final HostPool pool;
    private final RestClients clients;
    private final HostedOperations hosted;
    private final BiFunction<WorkRequest, String, Object> body;

    /** A starter over the hosts {@code hosts} gives at each start, posting the request itself. */
    public HostStarter(WorkType type, Supplier<List<String>> hosts, RestClients clients, HostedOperations hosted) {
        this(type, hosts, clients, hosted, (request, operationId) -> request);
    }

    /**
     * A starter that posts what {@code body} makes of the request (mode {@code local}) and the
     * operation id this backend will record it as, e.g. a training with its checkpoint key.
     */
    public HostStarter(WorkType type, Supplier<List<String>> hosts, RestClients clients, HostedOperations hosted,
            BiFunction<WorkRequest, String, Object> body) {
        this.type = type;
        this.pool = new HostPool(type.name(), hosts);
        this.clients = clients;
        this.hosted = hosted;
        this.body = body;
    }

    /** Whether any host is configured now. */
    public boolean configured() {
        return !pool.isEmpty();
    }

    /**
     * Starts {@code valid} on a host and returns the running backend operation that follows it.
     *
     * @throws InvalidRequestException (400) if the host refused the request, e.g. it lacks the data
     * @throws io.opsbridge.core.CapacityExceededException (503) if no host took it and one was full
     * @throws io.opsbridge.core.proxy.HostUnreachableException (503) if no host could be reached
     * @throws io.opsbridge.core.proxy.HostException (502/504) for any other host failure
     */
    public OperationInfo start(WorkRequest valid) {
        String operationId = OperationIds.newId(type.type(), Instant.now());
        HostPool.Started<HostStarted> started = place(valid, operationId);
        HostStarted answer = started.answer();
        return hosted.follow(operationId, type.type(), valid.symbols(), valid.timeframe(), valid.toParameters(),
                started.hostUrl(), answer.operationId(), answer.sessionId());
    }

    /**
     * Starts {@code valid} on the next host that takes it, for this backend's operation
     * {@code operationId} (which the host may use, e.g. as a training's checkpoint key), and
     * records nothing: the host's answer and URL, for a caller that maps them itself.
     *
     * @throws InvalidRequestException (400) if the host refused the request
     * @throws io.opsbridge.core.CapacityExceededException (503) if no host took it and one was full
     * @throws io.opsbridge.core.proxy.HostUnreachableException (503) if no host could be reached
     */
    public HostPool.Started<HostStarted> place(WorkRequest valid, String operationId) {
        Object request = body.apply(valid.withMode(WorkRequest.MODE_LOCAL), operationId); // on the host it runs locally
        String what = "POST " + type.startPath();
        try {
            return pool.onNextReachable(url -> HostCalls.call(url, what,
                    () -> clients.forHost(HostStartApi.class, url + type.startPath()).start(request)));
        } catch (HostRejectedException e) {
            if (e.status() == 400 || e.status() == 422) {
                throw refused(e);
            }
            throw e;
        }
    }

    private InvalidRequestException refused(HostRejectedException e) {
        String field = e.field() == null ? "body" : e.field();
        String detail = e.detail() == null ? "" : e.detail();
        String words = detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail;
        return new InvalidRequestException(field, type.name() + " host " + e.hostUrl() + " refused the request: " + words);
    }
}
