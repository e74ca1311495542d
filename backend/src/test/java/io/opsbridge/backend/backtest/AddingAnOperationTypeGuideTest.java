package io.opsbridge.backend.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/adding-an-operation-type.md and the worked example are one: each Java excerpt of the page
 * names its file on its first line ({@code // backend/src/test/java/...}) and must appear there,
 * whitespace aside; a line {@code // …} in an excerpt stands for code left out (the parts around it
 * must appear in that order).
 */
class AddingAnOperationTypeGuideTest {

    private static final Path ROOT = Path.of("..");
    private static final Path GUIDE = ROOT.resolve("docs/adding-an-operation-type.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n// (\\S+)\\n(.*?)```", Pattern.DOTALL);
    private static final String ELIDED = "// …";

    record Excerpt(String file, List<String> parts) {
    }

    @Test
    void everyJavaExcerptOfTheGuideIsInTheFileItNames() throws IOException {
        List<Excerpt> excerpts = excerpts(Files.readString(GUIDE));

        assertThat(excerpts).as("excerpts checked").hasSizeGreaterThanOrEqualTo(10);
        for (Excerpt excerpt : excerpts) {
            Path file = ROOT.resolve(excerpt.file());
            assertThat(file).as("the file an excerpt names").isRegularFile();
            String code = normalized(Files.readString(file));
            int from = 0;
            for (String part : excerpt.parts()) {
                int at = code.indexOf(part, from);
                assertThat(at).as("in %s, in order:%n%s", excerpt.file(), part).isNotNegative();
                from = at + part.length();
            }
        }
    }

    @Test
    void aChangedLineInAnExcerptIsCaught() {
        Excerpt changed = excerpts("```java\n// x\n    static final OperationType BACKTEST = OperationType.of(\"report\");\n```")
                .get(0);
        String code = normalized("static final OperationType BACKTEST = OperationType.of(\"backtest\");");

        assertThat(code).doesNotContain(changed.parts().get(0));
    }

    @Test
    void everyJavaBlockOfTheGuideNamesItsFile() throws IOException {
        String guide = Files.readString(GUIDE);
        long blocks = Pattern.compile("```java\\n").matcher(guide).results().count();

        assertThat(excerpts(guide)).hasSize((int) blocks);
    }

    private static List<Excerpt> excerpts(String markdown) {
        List<Excerpt> found = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(markdown);
        while (block.find()) {
            List<String> parts = new ArrayList<>();
            for (String part : block.group(2).split("(?m)^\\s*" + Pattern.quote(ELIDED) + "\\s*$")) {
                if (!part.isBlank()) {
                    parts.add(normalized(part));
                }
            }
            found.add(new Excerpt(block.group(1), parts));
        }
        return found;
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
