package io.opsbridge.server.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one null policy of the wire: a field or map entry without a value is left out of every JSON
 * answer, never sent as {@code null}. The OpenAPI document (3.0.3) marks no property nullable and
 * requires only fields that always have a value, so an absent field is what it allows; clients treat
 * absent and unknown alike ({@code op.completed_at} is {@code undefined} until the operation ends).
 */
@Singleton
public class NullsOmitted implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.NON_NULL));
    }
}
