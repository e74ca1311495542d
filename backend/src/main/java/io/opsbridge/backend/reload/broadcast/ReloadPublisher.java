package io.opsbridge.backend.reload.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The publishing half of the broadcast: signs a reload hint and PUBLISHes it on the channel. */
final class ReloadPublisher {

    private static final Logger LOG = Logger.getLogger(ReloadPublisher.class);

    private final Redis redis;
    private final String channel;
    private final MessageSigner signer;
    private final ObjectMapper json;
    private final BroadcastMetrics metrics;
    private final String nodeId;
    private final Clock clock;

    ReloadPublisher(Redis redis, String channel, MessageSigner signer, ObjectMapper json, BroadcastMetrics metrics,
            String nodeId, Clock clock) {
        this.redis = redis;
        this.channel = channel;
        this.signer = signer;
        this.json = json;
        this.metrics = metrics;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /** A new signed message from this replica, issued now. */
    ReloadMessage message(String kind, String strategy, String target) {
        return signer.sign(new ReloadMessage(kind, strategy, target, UUID.randomUUID().toString(), nodeId,
                clock.instant().toString(), null, null));
    }

    /** Publishes {@code message}; the future holds the number of subscribers Redis delivered it to. */
    Future<Long> send(ReloadMessage message) {
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        // PUBLISH's reply is the receiver count, which a typed publish() would throw away
        return redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload)).map(reply -> {
            metrics.published(message.kind());
            return reply.toLong();
        });
    }

    /** Publishes without waiting, and logs the outcome. */
    void announce(ReloadMessage message) {
        send(message).onComplete(done -> {
            if (done.succeeded()) {
                LOG.infof("broadcast: %s %s announced to %d subscriber(s) (%s)", message.kind(),
                        message.targetVersion(), done.result(), message.messageId());
            } else {
                // a hint lost: every replica still catches up at its next subscribe or registry check
                LOG.warnf("broadcast: %s %s not announced: %s", message.kind(), message.targetVersion(),
                        done.cause().getMessage());
            }
        });
    }
}
