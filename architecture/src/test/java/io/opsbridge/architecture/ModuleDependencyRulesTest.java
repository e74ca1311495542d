package io.opsbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Which module may use which: the wire DTOs at the bottom, then the operations core, then the
 * workloads, then the apps (backend, training host, data host), which never use each other; the
 * CLI speaks HTTP and knows only the wire DTOs.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyRulesTest {

    @ArchTest
    static final ArchRule operationsApiDependsOnNoOtherOpsBridgePackage = noClasses()
            .that().resideInAPackage(Modules.API)
            .should().dependOnClassesThat(Modules.opsBridgeClassesOutside(Modules.API))
            .because("the wire DTOs are shared by servers and clients and carry nothing of either");

    @ArchTest
    static final ArchRule operationsCoreDependsOnNeitherWorkloadsNorApps = noClasses()
            .that().resideInAPackage(Modules.CORE)
            .should().dependOnClassesThat().resideInAnyPackage(Modules.WORKLOADS, Modules.BACKEND, Modules.HOSTS)
            .because("the core follows any operation and knows no workload and no app");

    @ArchTest
    static final ArchRule workloadsDependOnNoApp = noClasses()
            .that().resideInAPackage(Modules.WORKLOADS)
            .should().dependOnClassesThat().resideInAnyPackage(Modules.BACKEND, Modules.HOSTS)
            .because("the backend and the hosts run the same workloads");

    @ArchTest
    static final ArchRule noAppDependsOnAnotherApp = CompositeArchRule
            .of(appUsesNoOther(Modules.BACKEND, Modules.TRAINING_HOST, Modules.DATA_HOST))
            .and(appUsesNoOther(Modules.TRAINING_HOST, Modules.BACKEND, Modules.DATA_HOST))
            .and(appUsesNoOther(Modules.DATA_HOST, Modules.BACKEND, Modules.TRAINING_HOST))
            .because("apps talk over HTTP; shared code lives in operations-core or workloads");

    @ArchTest
    static final ArchRule cliDependsOnlyOnTheWireDtos = noClasses()
            .that().resideInAPackage(Modules.CLI)
            .should().dependOnClassesThat(Modules.opsBridgeClassesOutside(Modules.CLI, Modules.API))
            .because("the CLI speaks only the HTTP API, whose types are operations-api");

    private static ArchRule appUsesNoOther(String app, String... others) {
        return noClasses().that().resideInAPackage(app).should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
