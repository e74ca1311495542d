package io.opsbridge.core.settings.reload;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The runtime settings file, read whole: its properties and its SHA-256. A missing, empty or
 * unreadable file is an error, never "no settings", so a reload can never fall back to defaults.
 */
public final class SettingsFile {

    /** One read of the file. */
    public record Contents(Map<String, String> properties, String sha256) {
    }

    /** Why the file could not be used. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    private final Path path;

    public SettingsFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Reads and parses the file (follows symbolic links, as a Kubernetes ConfigMap needs). */
    public Contents read() throws Unusable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Unusable("settings file " + path + " is missing");
        } catch (IOException e) {
            throw new Unusable("settings file " + path + " is unreadable: " + e);
        }
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new Unusable("settings file " + path + " is not a properties file: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw new Unusable("settings file " + path + " is empty");
        }
        Map<String, String> properties = new TreeMap<>();
        parsed.forEach((k, v) -> properties.put(k.toString().trim(), v.toString().trim()));
        return new Contents(properties, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
