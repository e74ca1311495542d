package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.opsbridge.core.settings.RuntimeSettings;
import io.opsbridge.core.settings.reload.SettingsSection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kubernetes engine's part of the runtime settings file ({@code opsbridge.kubernetes.*}): every key
 * reloads (the next Job is built from the snapshot in force), each checked here before a reload applies.
 */
@Singleton
public class KubernetesSettingsSection implements SettingsSection {

    private static final String PREFIX = "opsbridge.kubernetes.";
    static final List<String> KEYS = List.of("namespace", "image", "tag", "pull-policy", "image-pull-secrets",
            "service-account", "cpu-request", "memory-request", "cpu-limit", "memory-limit", "gpu-resource", "gpu-count",
            "node-selector", "tolerations", "active-deadline-seconds", "ttl-seconds-after-finished", "backoff-limit",
            "token-secret", "token-secret-key", "grace", "port", "volume-claim", "mount-path");

    @Override
    public List<Class<?>> mappings() {
        return List.of(KubernetesConfig.class);
    }

    @Override
    public Set<String> reloadableKeys() {
        return KEYS.stream().map(key -> PREFIX + key).collect(Collectors.toSet());
    }

    @Override
    public Set<String> restartKeys() {
        return Set.of();
    }

    @Override
    public List<String> check(RuntimeSettings candidate) {
        KubernetesConfig k = candidate.section(KubernetesConfig.class);
        List<String> errors = new ArrayList<>();
        k.namespace().filter(ns -> !JobNames.isDnsLabel(ns)).ifPresent(ns -> errors.add(PREFIX
                + "namespace must be a DNS-1123 label (lower case letters, digits, '-'), was '" + ns + "'"));
        if (k.image().isBlank() || k.tag().isBlank()) {
            errors.add(PREFIX + "image and " + PREFIX + "tag must not be blank");
        }
        if (!List.of("Always", "IfNotPresent", "Never").contains(k.pullPolicy())) {
            errors.add(PREFIX + "pull-policy must be Always, IfNotPresent or Never, was '" + k.pullPolicy() + "'");
        }
        quantity(errors, "cpu-request", k.cpuRequest());
        quantity(errors, "memory-request", k.memoryRequest());
        quantity(errors, "cpu-limit", k.cpuLimit());
        quantity(errors, "memory-limit", k.memoryLimit());
        k.nodeSelector().orElse(List.of()).stream().filter(item -> JobResources.selectorEntry(item).isEmpty())
                .forEach(item -> errors.add(PREFIX + "node-selector items are key=value, was '" + item + "'"));
        k.tolerations().orElse(List.of()).stream().filter(item -> JobResources.toleration(item).isEmpty())
                .forEach(item -> errors.add(PREFIX + "tolerations items are key=value:Effect, key:Effect or key=value"
                        + " (Effect NoSchedule, PreferNoSchedule or NoExecute), was '" + item + "'"));
        nonNegative(errors, "gpu-count", k.gpuCount());
        nonNegative(errors, "ttl-seconds-after-finished", k.ttlSecondsAfterFinished());
        nonNegative(errors, "backoff-limit", k.backoffLimit());
        k.activeDeadlineSeconds().filter(s -> s < 1).ifPresent(s -> errors.add(PREFIX
                + "active-deadline-seconds must be at least 1, was " + s));
        if (k.grace().isNegative()) {
            errors.add(PREFIX + "grace must not be negative, was " + k.grace());
        }
        if (k.port() < 1 || k.port() > 65535) {
            errors.add(PREFIX + "port must be 1 to 65535, was " + k.port());
        }
        Stream.of(k.tokenSecret(), k.tokenSecretKey()).filter(String::isBlank).findFirst().ifPresent(blank -> errors.add(
                PREFIX + "token-secret and " + PREFIX + "token-secret-key must not be blank"));
        if (!k.mountPath().startsWith("/")) {
            errors.add(PREFIX + "mount-path must be an absolute path, was '" + k.mountPath() + "'");
        }
        return errors;
    }

    private static void quantity(List<String> errors, String key, Optional<String> value) {
        value.ifPresent(text -> {
            try {
                Quantity.getAmountInBytes(new Quantity(text));
            } catch (RuntimeException e) {
                errors.add(PREFIX + key + " must be a Kubernetes quantity (e.g. 500m, 2, 1Gi), was '" + text + "'");
            }
        });
    }

    private static void nonNegative(List<String> errors, String key, long value) {
        if (value < 0) {
            errors.add(PREFIX + key + " must not be negative, was " + value);
        }
    }
}
