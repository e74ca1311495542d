package io.opsbridge.workloads.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a checkpoint was trained on, so a resume can refuse one that no longer fits: the SHA-256 of
 * the data files read (in request order), and the request's and settings' values that shape the
 * samples and the steps (everything but the number of epochs, which only says where to stop).
 */
public record TrainingFingerprint(String dataset, String parameters) {

    /** The fingerprint of training {@code r} on {@code files} with labels flat within {@code flatThreshold}. */
    public static TrainingFingerprint of(List<Path> files, TrainingRequest r, double flatThreshold) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " for its fingerprint", e);
            }
        }
        String parameters = String.format(Locale.ROOT, "symbols=%s timeframe=%s batch_size=%d learning_rate=%s "
                + "validation_split=%s seed=%s flat_threshold=%s", r.symbols(), r.timeframe(), r.batchSize(),
                r.learningRate(), r.validationSplit(), r.seed(), flatThreshold);
        return new TrainingFingerprint(HexFormat.of().formatHex(digest.digest()), parameters);
    }

    /** What differs from {@code other}, in words, or {@code null} if nothing does. */
    public String differenceFrom(TrainingFingerprint other) {
        if (!dataset.equals(other.dataset)) {
            return "the dataset changed (sha256 " + abbreviate(other.dataset) + " then, " + abbreviate(dataset) + " now)";
        }
        if (!parameters.equals(other.parameters)) {
            return "the training parameters changed (" + other.parameters + " then, " + parameters + " now)";
        }
        return null;
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
