package io.opsbridge.backend.config;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The backend writes its own process id at startup ({@code opsbridge.pid-file}, by default
 * {@code data/backend.pid}), so an operator signals this very process
 * ({@code kill -HUP $(cat data/backend.pid)}) and not every JVM that {@code pgrep -f} matches. The
 * file is replaced atomically and removed at a graceful stop if it still names this process.
 */
@ApplicationScoped
public class PidFile {

    private static final Logger LOG = Logger.getLogger(PidFile.class);

    private final Path file;
    private final String pid = Long.toString(ProcessHandle.current().pid());

    public PidFile(@ConfigProperty(name = "opsbridge.pid-file", defaultValue = "${opsbridge.data-dir:data}/backend.pid")
            Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    void write(@Observes StartupEvent event) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), pid + "\n");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("pid %s written to %s", pid, file);
        } catch (IOException e) {
            LOG.warnf("cannot write the pid file %s (%s): find this process by its port instead", file, e.getMessage());
        }
    }

    void remove(@Observes ShutdownEvent event) {
        try {
            if (Files.exists(file) && Files.readString(file).trim().equals(pid)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            LOG.debugf("pid file %s not removed: %s", file, e.getMessage());
        }
    }
}
