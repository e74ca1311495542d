package io.opsbridge.core.hosts;

import io.opsbridge.api.OperationType;
import io.smallrye.config.ConfigMapping;

/**
 * One kind of work as the backend routes it: its name in messages ({@code training}, {@code data}),
 * its operation type, the path a host starts it at and the {@code @ConfigMapping} of its routing.
 *
 * <pre>{@code
 * new WorkType("data", OperationType.DATA_LOADING, "/data/load", DataRoutingConfig.class)
 * }</pre>
 */
public record WorkType(String name, OperationType type, String startPath, Class<? extends RoutingConfig> routing) {

    /** The key of its host list, e.g. {@code opsbridge.data.routing.hosts}, for messages. */
    public String hostsKey() {
        ConfigMapping mapping = routing.getAnnotation(ConfigMapping.class);
        return (mapping == null ? routing.getSimpleName() : mapping.prefix()) + ".hosts";
    }
}
