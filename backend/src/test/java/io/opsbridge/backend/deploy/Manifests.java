package io.opsbridge.backend.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests under {@code deploy/} as fabric8's model classes read them, and what those classes
 * did not recognise: fabric8 keeps a field it does not know (a misspelled {@code backofLimit}, a
 * value of the wrong type) in the {@code additionalProperties} of the object it sits in, so a
 * manifest is exactly right where no object in it, however deep, has any.
 */
final class Manifests {

    static final Path DEPLOY = Path.of(System.getProperty("opsbridge.deploy.dir", "../deploy"));
    static final String KUSTOMIZATION = "kustomization.yaml";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** Every YAML file under {@code dir} but the kustomizations, sorted. */
    static List<Path> files(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals(KUSTOMIZATION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of one YAML text, one per document. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            resources.add(SERIALIZATION.unmarshal(document));
        }
        return resources;
    }

    static List<HasMetadata> parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every resource under {@code dir}. */
    static List<HasMetadata> all(Path dir) {
        return files(dir).stream().flatMap(f -> parse(f).stream()).toList();
    }

    /** A YAML text as plain maps and lists (for a file that is no Kubernetes resource, e.g. a kustomization). */
    static Map<String, Object> tree(Path file) throws IOException {
        return SERIALIZATION.unmarshal(Files.readString(file), Map.class);
    }

    /**
     * What fabric8 did not recognise in {@code resource}, each as {@code Kind name: path.to.field}; a kind
     * it has no model class for is one finding. Empty: every field of it is one Kubernetes knows.
     */
    static List<String> unknownFields(HasMetadata resource) {
        String where = resource.getKind() + " " + (resource.getMetadata() == null ? "?" : resource.getMetadata().getName());
        List<String> found = new ArrayList<>();
        if (resource instanceof GenericKubernetesResource) {
            found.add(where + ": no model class for " + resource.getApiVersion() + " " + resource.getKind());
            return found;
        }
        walk(resource, "", where, found);
        return found;
    }

    private static void walk(Object value, String path, String where, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, where, found));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", where, found);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    Object fieldValue = read(field, value);
                    if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(k -> found.add(where + ": " + (path + "." + k).substring(1)));
                    } else {
                        walk(fieldValue, path + "." + field.getName(), where, found);
                    }
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
