package io.opsbridge.backend.reload.broadcast;

import io.vertx.core.AsyncResult;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A replica's one subscription to the reload channel, kept forever: on any loss it backs off and
 * subscribes again, and it never runs two at once.
 *
 * <p>The Vert.x subscriber does not re-subscribe after a disconnect (quarkus#29830): its end
 * handler fires and the subscription is gone, so this class owns reconnection. Every event (a
 * connection made or failed, a connection's end, a retry) is handled on one loop thread, and a
 * callback of a connection that is no longer the current one is ignored: a late end handler can
 * never start a second loop. {@link #stop} sets a stopping flag first, because closing Vert.x at
 * shutdown fires the end handler too.
 *
 * <pre>{@code
 * ReloadSubscriber subscriber = new ReloadSubscriber(redis, "opsbridge:reload", backoff, listener);
 * subscriber.start();   // ... subscriber.stop() on shutdown
 * }</pre>
 */
public final class ReloadSubscriber {

    private static final Logger LOG = Logger.getLogger(ReloadSubscriber.class);

    /** Told of state changes (on the loop thread) and of each payload (on a Vert.x thread: hand it off). */
    public interface Listener {
        void stateChanged(SubscriberState state, String lastError);

        void subscribed();

        void payload(String payload);
    }

    private final Redis redis;
    private final String channel;
    private final Backoff backoff;
    private final Listener listener;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "opsbridge-broadcast-subscriber");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean stopping;
    private volatile SubscriberState state = SubscriberState.STOPPED;
    private volatile String lastError;
    private RedisConnection current; // loop thread only

    public ReloadSubscriber(Redis redis, String channel, Duration initialBackoff, Duration maxBackoff,
            Listener listener) {
        this.redis = redis;
        this.channel = channel;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.listener = listener;
    }

    public void start() {
        loop.execute(this::subscribe);
    }

    public SubscriberState state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    /** Connection attempts so far. */
    public long attempts() {
        return attempts.get();
    }

    /** Times a lost or failed subscription was retried. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Unsubscribes and closes the connection, waiting at most {@code within}. */
    public void stop(Duration within) {
        stopping = true;
        try {
            loop.submit(() -> {
                moveTo(SubscriberState.STOPPED);
                RedisConnection connection = current;
                current = null;
                if (connection != null) {
                    connection.send(Request.cmd(Command.UNSUBSCRIBE).arg(channel))
                            .onComplete(ignored -> connection.close());
                }
            }).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) { // NOPMD: shutdown goes on whatever happened here
            LOG.warnf("broadcast subscriber did not stop cleanly: %s", e.toString());
        } finally {
            loop.shutdownNow();
        }
        LOG.info("broadcast subscriber stopped");
    }

    private void subscribe() {
        if (stopping) {
            return;
        }
        moveTo(SubscriberState.SUBSCRIBING);
        long attempt = attempts.incrementAndGet();
        LOG.debugf("broadcast subscriber: connecting (attempt %d)", attempt);
        redis.connect().onComplete(made -> onLoop(() -> connected(made)));
    }

    private void connected(AsyncResult<RedisConnection> made) {
        if (made.failed()) {
            retry("connect failed: " + made.cause().getMessage());
            return;
        }
        RedisConnection connection = made.result();
        if (stopping) {
            connection.close();
            return;
        }
        current = connection;
        connection.handler(response -> onPush(response));
        connection.endHandler(ignored -> onLoop(() -> lost(connection, "connection closed")));
        connection.exceptionHandler(e -> onLoop(() -> lost(connection, e.toString())));
        connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel))
                .onComplete(done -> onLoop(() -> {
                    if (done.failed()) {
                        lost(connection, "SUBSCRIBE failed: " + done.cause().getMessage());
                    } else {
                        subscribed(connection);
                    }
                }));
    }

    private void subscribed(RedisConnection connection) {
        if (connection != current || stopping || state == SubscriberState.SUBSCRIBED) {
            return;
        }
        int failures = backoff.failures();
        backoff.reset();
        lastError = null;
        moveTo(SubscriberState.SUBSCRIBED);
        LOG.infof("broadcast subscriber: subscribed to %s%s", channel,
                failures == 0 ? "" : " after " + failures + " failed attempt(s)");
        listener.subscribed();
    }

    private void lost(RedisConnection connection, String why) {
        if (connection != current || stopping) {
            return; // an old connection's late callback, or shutdown closing Vert.x: nothing to redo
        }
        current = null;
        connection.close();
        retry(why);
    }

    private void retry(String why) {
        if (stopping) {
            return;
        }
        lastError = why;
        long delay = backoff.nextMillis();
        reconnects.incrementAndGet();
        moveTo(SubscriberState.BACKING_OFF);
        int failures = backoff.failures();
        // a long outage retries every 30 s forever: warn for the first few and every tenth, the rest at DEBUG
        Logger.Level level = failures <= 3 || failures % 10 == 0 ? Logger.Level.WARN : Logger.Level.DEBUG;
        LOG.logf(level, "broadcast subscriber: %s; subscribing again in %d ms (failure %d in a row)", why, delay,
                failures);
        loop.schedule(this::subscribe, delay, TimeUnit.MILLISECONDS);
    }

    private void onPush(Response response) {
        // RESP3 push or RESP2 array: ["message", channel, payload]; "subscribe" confirms the subscription
        if (response == null || response.size() < 3) {
            return;
        }
        String type = response.get(0).toString();
        if ("message".equals(type) && channel.equals(response.get(1).toString())) {
            listener.payload(response.get(2).toString());
        }
    }

    /** The one legal way to change state. */
    private void moveTo(SubscriberState next) {
        SubscriberState from = state;
        if (from == next) {
            return;
        }
        if (!from.canMoveTo(next)) {
            throw new IllegalStateException("broadcast subscriber cannot go from " + from + " to " + next);
        }
        state = next;
        listener.stateChanged(next, lastError);
    }

    private void onLoop(Runnable event) {
        try {
            loop.execute(() -> {
                try {
                    event.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "broadcast subscriber event failed");
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopped: the loop is gone and so is every reason to react
        }
    }
}
