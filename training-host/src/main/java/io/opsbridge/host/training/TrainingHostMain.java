package io.opsbridge.host.training;

import io.opsbridge.server.problem.InvalidUris;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;

/**
 * Starts the app with a request URI that is not a URI answered as problem+json by our router ({@link InvalidUris}).
 * In one-job mode ({@link OneJob}) two defaults change, each unless set: the host's own operation store is kept in
 * memory (the pod holds exactly its own operation; what outlives it is the terminal record on the shared volume),
 * and no sample data is loaded at startup (a Job reads the shared datasets, it never writes them).
 */
@QuarkusMain
public final class TrainingHostMain {

    private static final Map<String, String> ONE_JOB_DEFAULTS = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:h2:mem:one-job;DB_CLOSE_DELAY=-1",
            "opsbridge.data.sample-at-startup", "false");

    private TrainingHostMain() {
    }

    public static void main(String... args) {
        InvalidUris.leftToTheRouter();
        if (OneJob.requested()) {
            ONE_JOB_DEFAULTS.forEach((name, value) -> {
                String variable = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                if (System.getProperty(name) == null && System.getenv(variable) == null) {
                    System.setProperty(name, value);
                }
            });
        }
        Quarkus.run(args);
    }
}
