package io.opsbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of operations-core: packages that show the flow without cycles, a proxy that knows
 * nothing of the service that uses it, and one lifecycle that alone changes a status.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class CorePackageRulesTest {

    @ArchTest
    static final ArchRule noPackageCycleInsideTheCore = slices().matching("io.opsbridge.core.(*)..")
            .should().beFreeOfCycles()
            .because("each package of the read path builds on the ones below it");

    @ArchTest
    static final ArchRule theRootPackageIsVocabularyOnly = noClasses()
            .that().resideInAPackage("io.opsbridge.core")
            .should().dependOnClassesThat().resideInAPackage("io.opsbridge.core.*..")
            .because("every core package may use the shared exceptions and ids, so they depend on none of them");

    @ArchTest
    static final ArchRule theProxyDoesNotKnowTheService = noClasses()
            .that().resideInAPackage("io.opsbridge.core.proxy..")
            .should().dependOnClassesThat().resideInAnyPackage("io.opsbridge.core.service..",
                    "io.opsbridge.core.lifecycle..", "io.opsbridge.core.follow..", "io.opsbridge.core.cache..")
            .because("the proxy is a client of a host's HTTP API, used by the follow path, never the other way");

    @ArchTest
    static final ArchRule theMonitoringSeamDependsOnNoOtherCorePackage = noClasses()
            .that().resideInAPackage("io.opsbridge.core.monitoring..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.opsbridge.core.*..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("io.opsbridge.core.monitoring..")))
            .orShould().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("every core package calls the monitor in one line, so it sits below them all and knows no"
                    + " metrics library: without an app it is a no-op");

    @ArchTest
    static final ArchRule onlyCoreMetricsUsesMicrometerInTheCore = noClasses()
            .that().resideInAPackage(Modules.CORE).and().resideOutsideOfPackage("io.opsbridge.core.metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("the core reports through core.monitoring; only its Micrometer implementation names meters");

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
