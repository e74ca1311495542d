package io.opsbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Which module may use which, as {@code docs/architecture.md} draws it: the wire DTOs at the bottom,
 * then the engine, then the server (the engine's HTTP face) and the workloads (which use the engine
 * only), then the apps (backend, training host, data host), which never use each other; the CLI
 * speaks HTTP and knows only the wire DTOs.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyRulesTest {

    @ArchTest
    static final ArchRule operationsApiDependsOnNoOtherOpsBridgePackage = noClasses()
            .that().resideInAPackage(Modules.API)
            .should().dependOnClassesThat(Modules.opsBridgeClassesOutside(Modules.API))
            .because("the wire DTOs are shared by servers and clients and carry nothing of either");

    @ArchTest
    static final ArchRule theEngineDependsOnNoServerNoWorkloadAndNoApp = noClasses()
            .that().resideInAPackage(Modules.ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(Modules.SERVER, Modules.WORKLOADS, Modules.BACKEND,
                    Modules.HOSTS)
            .because("the engine follows any operation in any process, and knows no HTTP face, workload or app");

    @ArchTest
    static final ArchRule theServerDependsOnNoWorkloadAndNoApp = noClasses()
            .that().resideInAPackage(Modules.SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(Modules.WORKLOADS, Modules.BACKEND, Modules.HOSTS)
            .because("every app serves the same operations API, whatever work it runs");

    @ArchTest
    static final ArchRule workloadsDependOnTheEngineOnly = noClasses()
            .that().resideInAPackage(Modules.WORKLOADS)
            .should().dependOnClassesThat().resideInAnyPackage(Modules.SERVER, Modules.BACKEND, Modules.HOSTS)
            .because("the backend and the hosts run the same workloads, which report through the engine and"
                    + " never answer HTTP themselves");

    @ArchTest
    static final ArchRule noAppDependsOnAnotherApp = CompositeArchRule
            .of(appUsesNoOther(Modules.BACKEND, Modules.TRAINING_HOST, Modules.DATA_HOST))
            .and(appUsesNoOther(Modules.TRAINING_HOST, Modules.BACKEND, Modules.DATA_HOST))
            .and(appUsesNoOther(Modules.DATA_HOST, Modules.BACKEND, Modules.TRAINING_HOST))
            .because("apps talk over HTTP; shared code lives in operations-engine, operations-server or workloads");

    @ArchTest
    static final ArchRule cliDependsOnlyOnTheWireDtos = noClasses()
            .that().resideInAPackage(Modules.CLI)
            .should().dependOnClassesThat(Modules.opsBridgeClassesOutside(Modules.CLI, Modules.API))
            .because("the CLI speaks only the HTTP API, whose types are operations-api");

    private static ArchRule appUsesNoOther(String app, String... others) {
        return noClasses().that().resideInAPackage(app).should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
