package io.opsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/problems.md names every problem type the code answers with: each literal type passed to
 * {@code ProblemAnswer.of(status, "type", ...)} (or a module's {@code problem(status, "type", ...)} helper) in any
 * module's main sources appears on the page as {@code `type`}; the HTTP layer's {@code "http-" + status} ones
 * as {@code `http-<status>`}.
 */
class ProblemTypesDocumentedTest {

    private static final Pattern TYPE = Pattern.compile("(?:ProblemAnswer\\.of|\\bproblem)\\(\\s*\\d{3}\\s*,\\s*\"([a-z0-9-]+)\"");

    @Test
    void everyProblemTypeInTheCodeIsListedInDocsProblems() throws IOException {
        Set<String> types = new TreeSet<>();
        for (Path source : SourceFiles.mainSources()) {
            Matcher m = TYPE.matcher(Files.readString(source));
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        assertThat(types).as("types found in the code").contains("invalid-request", "not-found", "rate-limited");
        String page = Files.readString(SourceFiles.ROOT.resolve("docs/problems.md"));
        assertThat(page).contains("`http-<status>`");
        assertThat(types.stream().filter(t -> !page.contains("`" + t + "`")).toList())
                .as("problem types the code answers with but docs/problems.md does not list").isEmpty();
    }
}
