package io.opsbridge.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Help is whole: a command list shows only the first line of each command's description, so a
 * description of several lines starts with a sentence of its own; the root help lists every exit code.
 */
class HelpTextsTest {

    @Test
    void everyCommandListedShowsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        walk(OpsBridgeCli.commandLine(), cut);
        assertThat(cut).as("commands whose first description line does not end a sentence").isEmpty();
    }

    @Test
    void theRootHelpListsEveryExitCodeAndWholeDescriptions() {
        StringWriter help = new StringWriter();
        CommandLine cli = OpsBridgeCli.commandLine();
        cli.setOut(new PrintWriter(help));
        cli.execute("--help");
        assertThat(help.toString()).containsPattern("(?m)^  7 +ops wait gave up")
                .containsPattern("(?m)^  admin +Administer a running server; needs a login with the admin role\\.$");
    }

    private static void walk(CommandLine command, List<String> cut) {
        String[] description = command.getCommandSpec().usageMessage().description();
        if (description.length > 1 && !description[0].strip().matches(".*[.)]$")) {
            cut.add(command.getCommandSpec().qualifiedName() + ": " + description[0]);
        }
        command.getSubcommands().values().forEach(sub -> walk(sub, cut));
    }
}
