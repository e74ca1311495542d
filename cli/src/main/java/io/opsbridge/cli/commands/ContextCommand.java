package io.opsbridge.cli.commands;

import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.Contexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsbridge context list | use NAME | remove NAME}: the saved logins ({@code opsbridge login}). */
@Command(name = "context", mixinStandardHelpOptions = true, description = "List, switch and remove saved logins.",
        subcommands = {ContextCommand.ListContexts.class, ContextCommand.Use.class, ContextCommand.Remove.class})
public class ContextCommand {

    /** {@code context list}: names and servers, the current one marked; never a token. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved logins, the current one marked with *.")
    public static class ListContexts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            Contexts.Saved saved = ((OpsBridgeCli) spec.root().userObject()).contexts().read();
            if (ctx.printer().machine()) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("current", saved.current());
                List<Map<String, String>> contexts = new ArrayList<>();
                saved.contexts().forEach((name, c) -> contexts.add(Map.of("name", name, "url", c.url())));
                shown.put("contexts", contexts);
                ctx.printer().printData(shown);
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CURRENT", "NAME", "SERVER"});
            saved.contexts().forEach((name, c) -> rows.add(new String[] {name.equals(saved.current()) ? "*" : "",
                    name, c.url()}));
            ctx.printer().table(rows);
            if (saved.contexts().isEmpty()) {
                ctx.out().println("no saved login: opsbridge login --url URL --token-file FILE");
            }
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code context use NAME}. */
    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a saved login the current one.")
    public static class Use implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A name from opsbridge context list.")
        String name;

        @Override
        public Integer call() {
            return change(spec, name, ((OpsBridgeCli) spec.root().userObject()).contexts().use(name), "now current");
        }
    }

    /** {@code context remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a saved login and its token.")
    public static class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A name from opsbridge context list.")
        String name;

        @Override
        public Integer call() {
            return change(spec, name, ((OpsBridgeCli) spec.root().userObject()).contexts().remove(name), "removed");
        }
    }

    private static int change(CommandSpec spec, String name, boolean done, String what) {
        Context ctx = Context.of(spec);
        if (!done) {
            ctx.err().printf("error: no saved login named %s (see opsbridge context list)%n", name);
            ctx.err().flush();
            return ExitCodes.USAGE;
        }
        ctx.out().printf("context %s %s%n", name, what);
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
