package io.opsbridge.workloads.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A trained model on disk: {@code {modelsDir}/{strategy}/{version}/} holding the DJL weights
 * ({@code direction_mlp-0000.params}) and {@code descriptor.json} ({@link ModelDescriptor}).
 *
 * <p>An artifact directory appears whole or not at all (written next to it, then renamed), and is
 * never overwritten. {@link #load} gives a {@link DirectionPredictor} for serving.
 */
public class ModelArtifact {

    public static final String DESCRIPTOR_FILE = "descriptor.json";
    // Strategy and version become directory names: no separators, no leading dot.
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The directory of one version of a strategy's model. */
    public static Path directory(Path modelsDir, String strategy, String version) {
        return modelsDir.resolve(safeSegment(strategy)).resolve(safeSegment(version));
    }

    /**
     * Writes the weights and the descriptor to {@code dir}, which must not exist yet.
     *
     * @return {@code dir}
     * @throws ModelArtifactException if {@code dir} exists or writing fails (nothing is left behind)
     */
    public Path save(Path dir, Model model, ModelDescriptor descriptor) {
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            if (Files.exists(dir)) {
                throw new FileAlreadyExistsException(dir.toString());
            }
            Files.createDirectories(tmp);
            model.save(tmp, descriptor.modelName());
            JSON.writeValue(tmp.resolve(DESCRIPTOR_FILE).toFile(), descriptor);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new ModelArtifactException("cannot save model to " + dir + ": " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    public ModelDescriptor readDescriptor(Path dir) {
        try {
            return JSON.readValue(dir.resolve(DESCRIPTOR_FILE).toFile(), ModelDescriptor.class);
        } catch (IOException e) {
            throw new ModelArtifactException("cannot read " + dir.resolve(DESCRIPTOR_FILE) + ": " + e, e);
        }
    }

    /**
     * Loads the model in {@code dir} fully; the caller closes the predictor.
     *
     * @throws ModelArtifactException if the descriptor or the weights cannot be read
     */
    public DirectionPredictor load(Path dir) {
        ModelDescriptor descriptor = readDescriptor(dir);
        Model model = DirectionModel.newModel(descriptor.layerSizes());
        try {
            model.load(dir, descriptor.modelName());
            return new DirectionPredictor(model, descriptor);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelArtifactException("cannot load model from " + dir + ": " + e, e);
        }
    }

    /** Removes an artifact directory, e.g. one whose training was cancelled after it was saved. */
    public void delete(Path dir) {
        deleteQuietly(dir);
    }

    private static String safeSegment(String name) {
        if (name == null || !SEGMENT.matcher(name).matches()) {
            throw new IllegalArgumentException("not usable as a directory name: '" + name + "'");
        }
        return name;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: a leftover hidden temp directory is harmless
        }
    }
}
