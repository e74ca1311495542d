package io.opsbridge.workloads.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of one training on disk: {@code {dir}/epoch-NNNNNN/} with {@code parameters.ndlist},
 * {@code optimizer.ndlist} and {@code checkpoint.json}. Each is written whole in a hidden directory
 * beside it and renamed into place in one atomic move, so a crash mid-write never leaves a newest
 * checkpoint that loads wrong; the manifest's checksums catch what a disk did to it later.
 */
public final class CheckpointStore {

    static final String PARAMETERS = "parameters.ndlist";
    static final String OPTIMIZER = "optimizer.ndlist";
    static final String MANIFEST = "checkpoint.json";
    private static final Pattern EPOCH_DIR = Pattern.compile("epoch-\\d{6}");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** The directory of the checkpoint after {@code epoch}, e.g. {@code epoch-000012}. */
    public Path directory(int epoch) {
        return dir.resolve(String.format(Locale.ROOT, "epoch-%06d", epoch));
    }

    /** Writes {@code checkpoint} atomically, replacing one of the same epoch, then keeps only the last {@code keep}. */
    public Path save(TrainingCheckpoint checkpoint) {
        Path target = directory(checkpoint.epoch());
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            byte[] parameters = checkpoint.trainer().parameters();
            byte[] optimizer = checkpoint.trainer().moments();
            Files.write(tmp.resolve(PARAMETERS), parameters);
            Files.write(tmp.resolve(OPTIMIZER), optimizer);
            JSON.writeValue(tmp.resolve(MANIFEST).toFile(), CheckpointManifest.of(checkpoint, sha256(parameters),
                    sha256(optimizer)));
            deleteTree(target); // an earlier attempt's copy of this epoch (perhaps the damaged one skipped)
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
        prune();
        return target;
    }

    /**
     * The newest checkpoint that loads (whole, checksums right); each newer one that does not is handed to
     * {@code damaged} first, with why. Empty when none loads.
     */
    public Optional<TrainingCheckpoint> newestLoadable(BiConsumer<Path, IllegalStateException> damaged) {
        for (Path candidate : newestFirst()) {
            try {
                return Optional.of(load(candidate));
            } catch (IllegalStateException e) {
                damaged.accept(candidate, e);
            }
        }
        return Optional.empty();
    }

    /** The checkpoint directories, newest (highest epoch) first. */
    public List<Path> newestFirst() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> EPOCH_DIR.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one checkpoint fully and checks it.
     *
     * @throws IllegalStateException saying why it cannot be used (missing or damaged file, unknown format)
     */
    public TrainingCheckpoint load(Path checkpoint) {
        try {
            CheckpointManifest manifest = JSON.readValue(checkpoint.resolve(MANIFEST).toFile(), CheckpointManifest.class);
            if (manifest.format() != CheckpointManifest.FORMAT) {
                throw new IllegalStateException("format " + manifest.format() + ", not " + CheckpointManifest.FORMAT);
            }
            byte[] parameters = verified(checkpoint.resolve(PARAMETERS), manifest.parametersSha256());
            byte[] optimizer = verified(checkpoint.resolve(OPTIMIZER), manifest.optimizerSha256());
            return manifest.with(parameters, optimizer);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** Deletes every checkpoint of this training, and the directory. */
    public void deleteAll() {
        deleteTree(dir);
    }

    /** Deletes one checkpoint directory (e.g. a damaged one that was skipped). */
    public void delete(Path checkpoint) {
        deleteTree(checkpoint);
    }

    private void prune() {
        List<Path> all = newestFirst();
        all.stream().skip(keep).forEach(CheckpointStore::deleteTree);
        try (Stream<Path> entries = Files.list(dir)) { // hidden leftovers of writes a crash interrupted
            entries.filter(p -> p.getFileName().toString().startsWith(".epoch-")).forEach(CheckpointStore::deleteTree);
        } catch (IOException ignored) {
            // the next write tries again
        }
    }

    private static byte[] verified(Path file, String expectedSha256) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new IllegalStateException(file.getFileName() + " is damaged: " + bytes.length
                    + " bytes with sha256 " + actual + ", expected " + expectedSha256);
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: what is left is a hidden or superseded directory
        }
    }
}
