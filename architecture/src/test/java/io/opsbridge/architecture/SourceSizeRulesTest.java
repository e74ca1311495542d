package io.opsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A class does one job, and one job fits in {@value #MAX_LINES} lines: no main source file of any
 * module is longer (counted as {@code wc -l} counts them), but for the few named below, each with the
 * reason it is longer for now and the issue that brings it under. The files are read from every
 * module's {@code src/main/java} (benchmarks too); the classes ArchUnit reads show that none is missed.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class SourceSizeRulesTest {

    static final int MAX_LINES = 250;

    /** Longer for now: the file (under its module's {@code src/main/java}), why, and the issue that ends it. */
    static final Map<String, String> LONGER_FOR_NOW = Map.of();

    /** Every main source file by its path under {@code src/main/java}: where it is and its lines, read once. */
    private static final Map<String, Counted> SOURCES = count();

    private record Counted(Path file, long lines) {
    }

    @ArchTest
    static void noMainSourceFileIsLongerThanTheBudget(JavaClasses classes) {
        assertThat(classes.stream().filter(JavaClass::isTopLevelClass).map(SourceSizeRulesTest::sourceFileOf))
                .as("the source file of every class read, among the files counted under " + SourceFiles.ROOT)
                .allMatch(SOURCES::containsKey);

        Map<String, Long> tooLong = new TreeMap<>();
        SOURCES.forEach((underSourceRoot, source) -> {
            if (source.lines() > MAX_LINES && !LONGER_FOR_NOW.containsKey(underSourceRoot)) {
                tooLong.put(SourceFiles.ROOT.relativize(source.file()).toString(), source.lines());
            }
        });

        assertThat(tooLong).as("files over %d lines (split them by job)", MAX_LINES).isEmpty();
    }

    @ArchTest
    static void everyFileLongerForNowStillExistsAndIsStillLonger(JavaClasses classes) {
        assertThat(LONGER_FOR_NOW.keySet()).as("files allowed to be longer for now: remove an entry once its"
                + " file is within %d lines", MAX_LINES)
                .allSatisfy(file -> {
                    assertThat(SOURCES).as("main source files").containsKey(file);
                    assertThat(SOURCES.get(file).lines()).as(file).isGreaterThan(MAX_LINES);
                });
    }

    private static Map<String, Counted> count() {
        Map<String, Counted> sources = new TreeMap<>();
        for (Path file : SourceFiles.mainSources()) {
            Counted other = sources.put(underSourceRoot(file), new Counted(file, SourceFiles.lines(file)));
            if (other != null) { // one package, one module: else a long file could hide behind its namesake
                throw new IllegalStateException(file + " and " + other.file() + " are the same class file path");
            }
        }
        return sources;
    }

    private static String sourceFileOf(JavaClass type) {
        String file = type.getSourceCodeLocation().getSourceFileName();
        return type.getPackageName().replace('.', '/') + "/" + file;
    }

    /** {@code backend/src/main/java/io/opsbridge/X.java} -> {@code io/opsbridge/X.java} */
    private static String underSourceRoot(Path file) {
        Path relative = SourceFiles.ROOT.relativize(file);
        return relative.subpath(4, relative.getNameCount()).toString().replace('\\', '/');
    }
}
