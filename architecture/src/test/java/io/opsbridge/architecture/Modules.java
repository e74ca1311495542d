package io.opsbridge.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** The root package of each module, as ArchUnit package patterns. */
final class Modules {

    /** Everything the rules read: the main classes of every module, on this module's test classpath. */
    static final String ALL = "io.opsbridge";

    static final String API = "io.opsbridge.api..";
    /** operations-engine: the pull engine, no server-side HTTP (its packages keep the name {@code core}). */
    static final String ENGINE = "io.opsbridge.core..";
    /** operations-server: the engine's shared HTTP face. */
    static final String SERVER = "io.opsbridge.server..";
    static final String WORKLOADS = "io.opsbridge.workloads..";
    static final String BACKEND = "io.opsbridge.backend..";
    static final String TRAINING_HOST = "io.opsbridge.host.training..";
    static final String DATA_HOST = "io.opsbridge.host.data..";
    /** Every host app, those of today and any later one. */
    static final String HOSTS = "io.opsbridge.host..";
    static final String CLI = "io.opsbridge.cli..";

    private Modules() {
    }

    /** Classes of OpsBridge outside the given packages, e.g. everything but the module under test. */
    static DescribedPredicate<JavaClass> opsBridgeClassesOutside(String... packages) {
        return resideInAPackage(ALL + "..").and(resideOutsideOfPackages(packages))
                .as("are OpsBridge classes outside %s", String.join(", ", packages));
    }
}
