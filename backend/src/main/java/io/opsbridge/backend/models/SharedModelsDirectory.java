package io.opsbridge.backend.models;

import io.opsbridge.workloads.training.TrainingConfig;
import io.opsbridge.workloads.training.ModelArtifact;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds artifacts in this backend's {@code opsbridge.training.models-dir}: where local trainings
 * write, and where host trainings write too when the directory is shared (same mount on both).
 */
@ApplicationScoped
@DefaultBean
public class SharedModelsDirectory implements ArtifactSource {

    private final Path modelsDir;

    public SharedModelsDirectory(TrainingConfig config) {
        this.modelsDir = config.modelsDir();
    }

    @Override
    public Path localize(String strategy, String artifactVersion, String reportedPath) {
        Path expected = ModelArtifact.directory(modelsDir, strategy, artifactVersion).toAbsolutePath();
        if (Files.isDirectory(expected)) {
            return expected;
        }
        if (reportedPath != null && Files.isDirectory(Path.of(reportedPath))) {
            return Path.of(reportedPath).toAbsolutePath();
        }
        throw new ModelLoadException("model artifact " + strategy + "/" + artifactVersion + " is not in this backend's"
                + " models directory " + expected.getParent() + " (reported at " + reportedPath + "); host trainings"
                + " need a models directory shared with the backend");
    }
}
