package io.opsbridge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What an operation was asked to do and where it runs: the {@code metadata} block of {@link OperationInfo}.
 * {@code engine} says what placed host work ({@code hosts}: the host list, {@code kubernetes}: one
 * Kubernetes Job, named {@code job_name} in {@code job_namespace}); an operation is followed by the engine
 * and the place recorded here, never by the current settings. Null for local work and for host work
 * recorded before engines existed (hosts).
 */
// A response a newer peer may extend: read what we know (the server side rejects unknown request fields).
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OperationMetadata(
        List<String> symbols,
        String timeframe,
        String mode,
        String hostOperationId,
        String hostServiceUrl,
        String sessionId,
        Map<String, Object> parameters,
        String engine,
        String jobName,
        String jobNamespace) {

    /** The engine of host work placed on the host list. */
    public static final String ENGINE_HOSTS = "hosts";
    /** The engine of host work run as a Kubernetes Job. */
    public static final String ENGINE_KUBERNETES = "kubernetes";

    /** Metadata without an engine (local work, or host work as recorded before engines). */
    public OperationMetadata(List<String> symbols, String timeframe, String mode, String hostOperationId,
            String hostServiceUrl, String sessionId, Map<String, Object> parameters) {
        this(symbols, timeframe, mode, hostOperationId, hostServiceUrl, sessionId, parameters, null, null, null);
    }

    /** Whether the work runs as a Kubernetes Job. */
    public boolean onKubernetes() {
        return ENGINE_KUBERNETES.equals(engine);
    }

    /** A copy that runs on {@code hostUrl} as {@code hostOperationId} (session {@code session}), all else kept. */
    public OperationMetadata on(String hostUrl, String hostOperationId, String session) {
        return new OperationMetadata(symbols, timeframe, mode, hostOperationId, hostUrl, session, parameters, engine,
                jobName, jobNamespace);
    }

    /** A copy whose work runs as the Kubernetes Job {@code name} in {@code namespace} now (a resume's new Job), not yet on any pod. */
    public OperationMetadata withJob(String namespace, String name) {
        return new OperationMetadata(symbols, timeframe, mode, null, null, null, parameters, engine, name, namespace);
    }

    /** Metadata of an operation that runs in this process. */
    public static OperationMetadata local(List<String> symbols, String timeframe, Map<String, Object> parameters) {
        return new OperationMetadata(symbols, timeframe, "local", null, null, null, parameters);
    }
}
