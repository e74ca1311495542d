package io.opsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules are only as good as what they read: every module's main classes, and no test class.
 * And a package is one module's: split across two, neither module's rules would see all of it.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class ImportedModulesTest {

    @ArchTest
    static void everyModulesMainClassesAreRead(JavaClasses classes) {
        List<String> packages = classes.stream().map(JavaClass::getPackageName).distinct().toList();

        for (String root : List.of(Modules.API, Modules.ENGINE, Modules.SERVER, Modules.WORKLOADS, Modules.BACKEND,
                Modules.TRAINING_HOST, Modules.DATA_HOST, Modules.CLI)) {
            String name = root.substring(0, root.length() - 2);
            assertThat(packages).as("classes read from %s", root)
                    .anyMatch(p -> p.equals(name) || p.startsWith(name + "."));
        }
        assertThat(classes.stream().map(JavaClass::getName)).as("the rules' own classes")
                .noneMatch(n -> n.startsWith("io.opsbridge.architecture."));
    }

    @ArchTest
    static void noPackageLivesInTwoModules(JavaClasses classes) {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (JavaClass type : classes) {
            modulesByPackage.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>())
                    .add(SourceFiles.moduleOf(type));
        }

        assertThat(modulesByPackage).as("the module(s) of each package")
                .allSatisfy((pkg, modules) -> assertThat(modules).as(pkg).hasSize(1));
        assertThat(modulesByPackage.values()).as("modules found")
                .flatMap(m -> m).contains("operations-engine", "operations-server", "backend", "cli");
    }
}
