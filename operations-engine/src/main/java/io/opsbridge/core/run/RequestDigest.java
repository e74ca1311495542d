package io.opsbridge.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable fingerprint of a start request, so that "the same request" can be checked by another
 * process (a replica, or this one after a restart): SHA-256 of the request's type and its JSON with
 * properties and map entries sorted, so equal requests always give equal digests.
 */
public final class RequestDigest {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private RequestDigest() {
    }

    public static String of(Object request) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(request);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request.getClass().getName().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("start request cannot be written as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
