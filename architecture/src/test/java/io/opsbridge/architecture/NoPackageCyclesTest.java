package io.opsbridge.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** No two packages use each other, directly or around a loop, in any module: each package is one slice. */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class NoPackageCyclesTest {

    @ArchTest
    static final ArchRule noPackageCycleInAnyModule = slices().matching("io.opsbridge.(**)")
            .should().beFreeOfCycles()
            .because("a package builds on the ones below it; a cycle makes two packages one in all but name");
}
