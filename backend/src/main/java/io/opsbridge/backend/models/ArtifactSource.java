package io.opsbridge.backend.models;

import java.nio.file.Path;

/**
 * Where this backend finds the artifact of a completed training, local or on a host.
 *
 * <p>The default, {@link SharedModelsDirectory}, expects it in this backend's models directory,
 * which host trainings reach when the host writes to the same (shared) directory. A host that
 * does not share it needs another implementation that fetches the artifact through the host's
 * API into the models directory; declaring such a bean replaces the default.
 */
public interface ArtifactSource {

    /**
     * @param strategy          the trained strategy
     * @param artifactVersion   the artifact's own version, its directory name (the training's operation id)
     * @param reportedPath      {@code model_path} as the training reported it (a host reports its own path)
     * @return the artifact directory on this backend
     * @throws ModelLoadException if the artifact cannot be found or fetched
     */
    Path localize(String strategy, String artifactVersion, String reportedPath);
}
