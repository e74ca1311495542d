package io.opsbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of operations-engine: an engine that serves no HTTP and knows no security or metrics
 * library (those are operations-server's), a proxy that knows nothing of the service that uses it,
 * and one lifecycle that alone changes a status.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class EnginePackageRulesTest {

    private static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";

    @ArchTest
    static final ArchRule theEngineUsesNoServerSideHttpNoSecurityAndNoMicrometer = noClasses()
            .that().resideInAPackage(Modules.ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs.container..", "org.jboss.resteasy.reactive.server..",
                    "io.quarkus.resteasy.reactive.server..", "io.quarkus.rest.server..",
                    "io.vertx.ext.web..", "io.quarkus.vertx.http..",
                    "io.quarkus.security..", "jakarta.annotation.security..",
                    "io.micrometer..", "io.quarkus.micrometer..",
                    "org.eclipse.microprofile.health..", "org.eclipse.microprofile.openapi..")
            .because("the engine runs the same in every process, and what a process answers over HTTP, who may"
                    + " ask and what it measures is operations-server's; the engine reports through core.monitoring");

    @ArchTest
    static final ArchRule theEngineDeclaresNoResourceClass = noClasses()
            .that().resideInAPackage(Modules.ENGINE).and().areNotInterfaces()
            .should().beAnnotatedWith("jakarta.ws.rs.Path")
            .because("a resource is operations-server's; the engine's only JAX-RS types are REST client interfaces");

    @ArchTest
    static final ArchRule theEngineDeclaresNoResourceMethod = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage(Modules.ENGINE)
            .and().areDeclaredInClassesThat().areNotInterfaces()
            .should().beMetaAnnotatedWith("jakarta.ws.rs.HttpMethod")
            .orShould().beAnnotatedWith("jakarta.ws.rs.Path")
            .because("a resource is operations-server's; the engine's only JAX-RS types are REST client interfaces");

    @ArchTest
    static final ArchRule theEnginesHttpInterfacesAreRestClients = classes()
            .that().resideInAPackage(Modules.ENGINE).and().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().beInterfaces().andShould().beAnnotatedWith(REST_CLIENT)
            .because("the proxy and the host starter call hosts through REST clients; they serve nothing");

    @ArchTest
    static final ArchRule theRootPackageIsVocabularyOnly = noClasses()
            .that().resideInAPackage("io.opsbridge.core")
            .should().dependOnClassesThat().resideInAPackage("io.opsbridge.core.*..")
            .because("every engine package may use the shared exceptions and ids, so they depend on none of them");

    @ArchTest
    static final ArchRule theProxyDoesNotKnowTheService = noClasses()
            .that().resideInAPackage("io.opsbridge.core.proxy..")
            .should().dependOnClassesThat().resideInAnyPackage("io.opsbridge.core.service..",
                    "io.opsbridge.core.lifecycle..", "io.opsbridge.core.follow..", "io.opsbridge.core.cache..")
            .because("the proxy is a client of a host's HTTP API, used by the follow path, never the other way");

    @ArchTest
    static final ArchRule theMonitoringSeamDependsOnNoOtherEnginePackage = noClasses()
            .that().resideInAPackage("io.opsbridge.core.monitoring..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.opsbridge.core.*..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("io.opsbridge.core.monitoring..")))
            .because("every engine package calls the monitor in one line, so it sits below them all; without an"
                    + " app it is a no-op, and server.metrics installs the Micrometer one");

    @ArchTest
    static final ArchRule onlyTheLifecycleBuildsARecordInAnotherStatus = noClasses()
            .that().resideOutsideOfPackages(Modules.API, "io.opsbridge.core.lifecycle..", "io.opsbridge.core.store..")
            .should().callConstructorWhere(recordConstructor())
            .because("every status change goes through OperationLifecycle, so listeners, caches and logs miss none;"
                    + " the API builds new pending records and the stores read stored ones back");

    private static DescribedPredicate<JavaConstructorCall> recordConstructor() {
        return DescribedPredicate.describe("the constructor of OperationInfo",
                call -> call.getTargetOwner().getFullName().equals("io.opsbridge.api.OperationInfo"));
    }
}
