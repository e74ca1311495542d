package io.opsbridge.workloads.training;

/**
 * The DJL settings every process that trains needs, applied unless the operator set them:
 * never download anything (the native library ships in a jar), and one intra-op thread, which
 * trains our small MLP 2-3x faster than one thread per core.
 */
public final class DjlDefaults {

    private DjlDefaults() {
    }

    /** Call before the first DJL engine use. */
    public static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
