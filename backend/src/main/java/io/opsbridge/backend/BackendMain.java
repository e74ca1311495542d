package io.opsbridge.backend;

import io.opsbridge.server.problem.InvalidUris;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the app with a request URI that is not a URI answered as problem+json by our router ({@link InvalidUris}). */
@QuarkusMain
public final class BackendMain {

    private BackendMain() {
    }

    public static void main(String... args) {
        InvalidUris.leftToTheRouter();
        Quarkus.run(args);
    }
}
