package io.opsbridge.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the rules find the checkout and each class's module. */
final class SourceFiles {

    /** The checkout's root: the architecture module's parent, which the build passes in. */
    static final Path ROOT = Path.of(System.getProperty("opsbridge.root", "..")).toAbsolutePath().normalize();

    private SourceFiles() {
    }

    /**
     * The module a class was read from: the folder before {@code target/} (a reactor build), or the
     * artifact's folder in a Maven repository (a build of this module alone).
     */
    static String moduleOf(JavaClass type) {
        String location = type.getSource().orElseThrow().getUri().toString();
        int inJar = location.indexOf("!/");
        String container = inJar < 0 ? location : location.substring(0, inJar);
        int target = container.indexOf("/target/");
        if (target >= 0) {
            String module = container.substring(0, target);
            return module.substring(module.lastIndexOf('/') + 1);
        }
        String group = "/io/opsbridge/";
        int artifact = container.lastIndexOf(group) + group.length();
        return container.substring(artifact, container.indexOf('/', artifact));
    }

    /** Every main source file of every module, benchmarks included: {@code <module>/src/main/java/**.java}. */
    static List<Path> mainSources() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(SourceFiles::javaFilesUnder).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines as {@code wc -l} counts them: newline characters. */
    static long lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            long newlines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    newlines++;
                }
            }
            return newlines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFilesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
