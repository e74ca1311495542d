package io.opsbridge.server.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/**
 * At first start, makes sure an admin can act: a configured {@code opsbridge.security.admin-token}
 * is registered (its hash), otherwise, if no admin token exists yet in a durable store, one is
 * created and written to {@code opsbridge.security.admin-token-file} with mode 0600. The log says
 * where, never the token.
 */
@ApplicationScoped
public class AdminTokenBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class);

    private final ApiTokens tokens;
    private final ApiTokenStore store;
    private final SecurityConfig config;

    public AdminTokenBootstrap(ApiTokens tokens, ApiTokenStore store, SecurityConfig config) {
        this.tokens = tokens;
        this.store = store;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.adminToken().filter(t -> !t.isBlank()).isPresent()) {
            String token = config.adminToken().get().trim();
            if (token.length() < 24) {
                throw new IllegalStateException("opsbridge.security.admin-token must have at least 24 characters");
            }
            tokens.registerConfigured(ApiTokens.configuredId(token), "configured admin", Roles.ADMIN, token);
            LOG.info("security: the configured admin token (opsbridge.security.admin-token) is registered");
            return;
        }
        if (!store.isDurable() || store.hasActiveAdmin()) {
            return;
        }
        ApiTokens.Created admin = tokens.create("first-start admin", Roles.ADMIN);
        Path file = config.adminTokenFile().toAbsolutePath().normalize();
        write(file, admin.secret());
        LOG.infof("security: created admin token %s and wrote it to %s (mode 0600); revoke it with"
                + " 'opsbridge admin tokens revoke %s' once you have your own", admin.token().id(), file, admin.token().id());
    }

    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("could not replace " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the admin token to " + file, e);
        }
    }
}
