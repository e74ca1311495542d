package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The settings' compact forms of resources, node selectors and tolerations, as fabric8's model has them. */
final class JobResources {

    private static final Pattern TOLERATION = Pattern.compile("([^=:\\s]+)(?:=([^:\\s]*))?(?::(NoSchedule|PreferNoSchedule|NoExecute))?");

    private JobResources() {
    }

    /** The container's requests and limits (CPU, memory, the GPU resource as both). */
    static ResourceRequirements resources(KubernetesConfig k) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        k.cpuRequest().ifPresent(v -> requests.put("cpu", new Quantity(v)));
        k.memoryRequest().ifPresent(v -> requests.put("memory", new Quantity(v)));
        k.cpuLimit().ifPresent(v -> limits.put("cpu", new Quantity(v)));
        k.memoryLimit().ifPresent(v -> limits.put("memory", new Quantity(v)));
        k.gpuResource().filter(r -> k.gpuCount() > 0).ifPresent(gpu -> {
            requests.put(gpu, new Quantity(Integer.toString(k.gpuCount())));
            limits.put(gpu, new Quantity(Integer.toString(k.gpuCount())));
        });
        ResourceRequirements resources = new ResourceRequirements();
        resources.setRequests(requests.isEmpty() ? null : requests);
        resources.setLimits(limits.isEmpty() ? null : limits);
        return resources;
    }

    /** The node selector of {@code key=value} items; null if none. */
    static Map<String, String> nodeSelector(List<String> items) {
        Map<String, String> selector = new LinkedHashMap<>();
        items.forEach(item -> selectorEntry(item).ifPresent(e -> selector.put(e.getKey(), e.getValue())));
        return selector.isEmpty() ? null : selector;
    }

    /** {@code key=value} as an entry; empty if it is not one. */
    static Optional<Map.Entry<String, String>> selectorEntry(String item) {
        int eq = item.indexOf('=');
        if (eq < 1 || item.indexOf('=', eq + 1) >= 0 || item.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AbstractMap.SimpleImmutableEntry<>(item.substring(0, eq).trim(), item.substring(eq + 1).trim()));
    }

    /** {@code key=value:Effect} (Equal), {@code key:Effect} (Exists), {@code key=value} (Equal, any effect); empty if none of these. */
    static Optional<Toleration> toleration(String item) {
        Matcher m = TOLERATION.matcher(item.trim());
        if (!m.matches() || m.group(2) == null && m.group(3) == null) {
            return Optional.empty();
        }
        Toleration toleration = new Toleration();
        toleration.setKey(m.group(1));
        toleration.setOperator(m.group(2) == null ? "Exists" : "Equal");
        toleration.setValue(m.group(2));
        toleration.setEffect(m.group(3));
        return Optional.of(toleration);
    }
}
