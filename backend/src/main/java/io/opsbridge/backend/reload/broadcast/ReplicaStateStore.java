package io.opsbridge.backend.reload.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The replicas' states in one Redis hash: {@code HSET opsbridge:replicas <node> <json>}, and the
 * key's expiry renewed with each write, so the hash disappears when every replica is gone. A
 * field cannot expire on its own before Redis 7.4, so an entry not refreshed within the
 * {@code ttl} is left out when read (a replica that stopped or lost Redis).
 */
final class ReplicaStateStore {

    private static final Logger LOG = Logger.getLogger(ReplicaStateStore.class);

    private final Redis redis;
    private final String key;
    private final Duration ttl;
    private final ObjectMapper json;

    ReplicaStateStore(Redis redis, String key, Duration ttl, ObjectMapper json) {
        this.redis = redis;
        this.key = key;
        this.ttl = ttl;
        this.json = json;
    }

    Future<Void> put(ReplicaState state) {
        String value;
        try {
            value = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        return redis.send(Request.cmd(Command.HSET).arg(key).arg(state.nodeId()).arg(value))
                .compose(ignored -> redis.send(Request.cmd(Command.EXPIRE).arg(key).arg(Math.max(1, ttl.toSeconds()))))
                .mapEmpty();
    }

    /** Every replica seen within the ttl, by node id. */
    Future<List<ReplicaState>> all(Instant now) {
        return redis.send(Request.cmd(Command.HGETALL).arg(key)).map(reply -> parse(reply, now));
    }

    private List<ReplicaState> parse(Response reply, Instant now) {
        List<ReplicaState> states = new ArrayList<>();
        if (reply == null) {
            return states;
        }
        for (String node : reply.getKeys()) {
            try {
                ReplicaState state = json.readValue(reply.get(node).toString(), ReplicaState.class);
                if (state.updatedAt() != null && state.updatedAt().plus(ttl).isAfter(now)) {
                    states.add(state);
                }
            } catch (JsonProcessingException e) {
                LOG.debugf("replica entry %s unreadable: %s", node, e.getMessage());
            }
        }
        states.sort(Comparator.comparing(ReplicaState::nodeId));
        return states;
    }
}
