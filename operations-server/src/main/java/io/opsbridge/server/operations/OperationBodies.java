package io.opsbridge.server.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The JSON bytes and {@code ETag} of the operation versions clients read, made once per version
 * instead of once per request: a cached {@code GET /api/v1/operations/{id}} only copies bytes. An
 * entry is reused while the cache hands out the very same {@link OperationInfo} instance (a new
 * version, or a reload from the store, is a new instance and is rendered again). Rendered with the
 * application's {@link ObjectMapper}, so the bytes are those the Jackson writer would send.
 */
@ApplicationScoped
public class OperationBodies {

    /** Bodies not read for this long are dropped; the operation cache keeps its own, shorter, TTL. */
    private static final Duration IDLE = Duration.ofMinutes(1);

    /** One rendered version: the instance it was made from, its JSON and its {@code ETag} value. */
    record Body(OperationInfo info, byte[] json, String etag) {
    }

    private final ObjectMapper mapper;
    private final Cache<String, Body> bodies;

    public OperationBodies(ObjectMapper mapper, Settings settings) {
        this.mapper = mapper;
        this.bodies = Caffeine.newBuilder()
                .maximumSize(settings.current().operations().cacheMaxSize())
                .expireAfterAccess(IDLE)
                .build();
    }

    /** The rendered {@code info}, made now if this instance was not rendered before. */
    Body of(OperationInfo info) {
        Body body = bodies.getIfPresent(info.operationId());
        if (body != null && body.info() == info) {
            return body;
        }
        Body fresh = new Body(info, render(info), etag(info.version()));
        bodies.put(info.operationId(), fresh);
        return fresh;
    }

    /** The strong entity tag of a version, as it goes on the wire: {@code "42"}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private byte[] render(OperationInfo info) {
        try {
            return mapper.writeValueAsBytes(info);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("operation " + info.operationId() + " could not be written as JSON", e);
        }
    }
}
