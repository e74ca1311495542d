package io.opsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.List;

/** The rules are only as good as what they read: every module's main classes, and no test class. */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class ImportedModulesTest {

    @ArchTest
    static void everyModulesMainClassesAreRead(JavaClasses classes) {
        List<String> packages = classes.stream().map(JavaClass::getPackageName).distinct().toList();

        for (String root : List.of(Modules.API, Modules.CORE, Modules.WORKLOADS, Modules.BACKEND,
                Modules.TRAINING_HOST, Modules.DATA_HOST, Modules.CLI)) {
            String name = root.substring(0, root.length() - 2);
            assertThat(packages).as("classes read from %s", root)
                    .anyMatch(p -> p.equals(name) || p.startsWith(name + "."));
        }
        assertThat(classes.stream().map(JavaClass::getName)).as("the rules' own classes")
                .noneMatch(n -> n.startsWith("io.opsbridge.architecture."));
    }
}
