package io.opsbridge.backend.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Kubernetes names made from operation ids, which hold {@code _} and upper case: a Job's name is a
 * DNS-1123 label (lower case letters, digits, {@code -}, at most 63), a label value at most 63 of
 * letters, digits, {@code -_.}, alphanumeric at both ends. A name cut to fit, or that lost characters
 * besides case and {@code _}, ends in a hash of the whole id, so two ids never share one.
 *
 * <pre>{@code
 * JobNames.jobName("op_training_20261207T161500123_0a1b2c3d", 1)  // "op-training-20261207t161500123-0a1b2c3d"
 * }</pre>
 */
public final class JobNames {

    /** A DNS-1123 label, as Kubernetes checks a Job's name. */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final int MAX = 63;
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private JobNames() {
    }

    /** Whether {@code name} is a DNS-1123 label of at most 63 characters. */
    public static boolean isDnsLabel(String name) {
        return name != null && name.length() <= MAX && DNS_LABEL.matcher(name).matches();
    }

    /** Whether {@code value} is a valid, non-empty label value. */
    public static boolean isLabelValue(String value) {
        return value != null && value.length() <= MAX && LABEL_VALUE.matcher(value).matches();
    }

    /** The Job of attempt {@code attempt} of {@code operationId} (the first has no suffix; a resume's has {@code -a2}, …). */
    public static String jobName(String operationId, int attempt) {
        String suffix = attempt > 1 ? "-a" + attempt : "";
        String base = operationId.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        boolean lossy = !base.equals(operationId.toLowerCase().replace('_', '-'));
        base = base.isEmpty() ? "op" : base;
        if (lossy || base.length() + suffix.length() > MAX) {
            String hash = "-" + hash(operationId);
            base = trimEnd(base.substring(0, Math.min(base.length(), MAX - suffix.length() - hash.length())), "-") + hash;
        }
        return base + suffix;
    }

    /** {@code value} as a label value: characters outside the allowed ones become {@code -}, cut to fit with a hash. */
    public static String labelValue(String value) {
        String safe = value.replaceAll("[^-A-Za-z0-9_.]", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        if (safe.length() > MAX) {
            String hash = "-" + hash(value);
            safe = safe.substring(0, MAX - hash.length()).replaceAll("[^A-Za-z0-9]+$", "") + hash;
        }
        return safe.isEmpty() ? "none" : safe;
    }

    private static String trimEnd(String text, String chars) {
        String result = text;
        while (!result.isEmpty() && chars.indexOf(result.charAt(result.length() - 1)) >= 0) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
