package io.opsbridge.cli.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The saved logins, as kubectl's kubeconfig and gh's hosts file: named contexts (a server address and
 * a token) and the current one, in {@code $OPSBRIDGE_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/opsbridge/contexts.json}, else {@code ~/.config/opsbridge/contexts.json}.
 * The file is written readable by its user only (0600, in a 0700 folder), replaced atomically.
 *
 * <pre>{@code
 * opsbridge login --url http://ops:8080 --token-file ops.token   # saves and selects context "ops:8080"
 * }</pre>
 */
public final class Contexts {

    /** One saved login. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(String url, String token) {
    }

    /** The file's content. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Saved(String current, Map<String, Context> contexts) {
        static Saved empty() {
            return new Saved(null, new TreeMap<>());
        }
    }

    private final Path file;

    public Contexts(Path file) {
        this.file = file;
    }

    /** Where the contexts of this user live, from the environment. */
    public static Contexts of(Map<String, String> env) {
        String explicit = env.get("OPSBRIDGE_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return new Contexts(Path.of(explicit));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new Contexts(base.resolve("opsbridge").resolve("contexts.json"));
    }

    public Path file() {
        return file;
    }

    public Saved read() {
        if (!Files.isRegularFile(file)) {
            return Saved.empty();
        }
        try {
            Saved saved = HttpCalls.JSON.readValue(file.toFile(), Saved.class);
            return new Saved(saved.current(), saved.contexts() == null ? new TreeMap<>() : new TreeMap<>(saved.contexts()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved logins in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The current context, if one is selected. */
    public Optional<Context> current() {
        Saved saved = read();
        return Optional.ofNullable(saved.current()).map(saved.contexts()::get);
    }

    /** Saves {@code context} under {@code name} and makes it the current one. */
    public void save(String name, Context context) {
        Saved saved = read();
        Map<String, Context> contexts = new TreeMap<>(saved.contexts());
        contexts.put(name, context);
        write(new Saved(name, contexts));
    }

    /** Makes {@code name} the current context; false if there is none by that name. */
    public boolean use(String name) {
        Saved saved = read();
        if (!saved.contexts().containsKey(name)) {
            return false;
        }
        write(new Saved(name, saved.contexts()));
        return true;
    }

    /** Forgets {@code name}; false if there was none. */
    public boolean remove(String name) {
        Saved saved = read();
        Map<String, Context> contexts = new TreeMap<>(saved.contexts());
        if (contexts.remove(name) == null) {
            return false;
        }
        write(new Saved(name.equals(saved.current()) ? null : saved.current(), contexts));
        return true;
    }

    private void write(Saved saved) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                owned(folder, "rwx------");
            }
            Path temp = Files.createTempFile(folder, ".contexts", ".tmp");
            owned(temp, "rw-------");
            HttpCalls.JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), saved);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the login in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void owned(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
