package io.opsbridge.backend.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A runtime settings file in a fresh directory under {@code target/}, replaced the way operators do. */
final class RuntimeFile {

    final Path directory;
    final Path file;

    RuntimeFile(String name) {
        directory = Path.of("target", "test-settings", name + "-" + UUID.randomUUID()).toAbsolutePath();
        file = directory.resolve("opsbridge-runtime.properties");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes in place (truncate and write). */
    void write(String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a temporary file beside it and renames it over the file, as editors and {@code mv} do. */
    void replaceByRename(String text) {
        try {
            Path temp = Files.writeString(directory.resolve(".tmp-" + UUID.randomUUID()), text);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
