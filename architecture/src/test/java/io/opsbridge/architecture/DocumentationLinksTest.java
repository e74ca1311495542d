package io.opsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image of README.md and docs/*.md points at a file that exists, and a
 * link with a {@code #fragment} at a heading of that page (as GitHub names heading anchors).
 * Links are read with commonmark, so text in code blocks is not taken for a link.
 */
class DocumentationLinksTest {

    private static final Parser PARSER = Parser.builder().build();

    @Test
    void everyRelativeLinkPointsAtAFileOrHeadingThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages = pages();
        for (Path page : pages) {
            for (String target : links(page)) {
                String problem = check(page, target);
                if (problem != null) {
                    broken.add(SourceFiles.ROOT.relativize(page) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(pages).as("pages read").contains(SourceFiles.ROOT.resolve("README.md"))
                .hasSizeGreaterThan(10);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void headingAnchorsAreNamedAsGitHubNamesThem() {
        assertThat(anchors("# Run it\n## Follow jobs from a terminal: the `opsbridge` CLI\n## Run it\n"))
                .containsExactly("run-it", "follow-jobs-from-a-terminal-the-opsbridge-cli", "run-it-1");
        assertThat(anchors("## 7. Lists and reads at 100,000 operations\n## Start-up — JDK 17/25\n"))
                .containsExactly("7-lists-and-reads-at-100000-operations", "start-up--jdk-1725");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(SourceFiles.ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(SourceFiles.ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        PARSER.parse(Files.readString(page)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                targets.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                targets.add(image.getDestination());
            }
        });
        return targets;
    }

    /** Why {@code target}, linked from {@code page}, does not resolve; null when it does or is not relative. */
    private static String check(Path page, String target) throws IOException {
        if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
            return null; // http:, https:, mailto: ... are not this repository's
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(SourceFiles.ROOT) || !Files.exists(resolved)) {
            return "no such file";
        }
        if (hash < 0) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "a fragment on a file that is not a page";
        }
        String fragment = target.substring(hash + 1);
        return anchors(Files.readString(resolved)).contains(fragment) ? null : "no heading with anchor #" + fragment;
    }

    /** The anchors GitHub gives the headings of {@code markdown}: lower case, punctuation dropped, spaces as '-'. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text node) {
                        text.append(node.getLiteral());
                    }

                    @Override
                    public void visit(Code node) {
                        text.append(node.getLiteral());
                    }
                });
                String slug = slug(text.toString());
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        });
        return anchors;
    }

    private static String slug(String heading) {
        StringBuilder slug = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }
}
