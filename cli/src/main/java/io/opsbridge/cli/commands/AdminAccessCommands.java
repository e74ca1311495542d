package io.opsbridge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsbridge admin tokens create|list|revoke} and {@code opsbridge admin audit}, subcommands of
 * {@link AdminCommand}: they need a login with the admin role. Tables for people, the server's data
 * with {@code -o json|yaml}; a new token's secret is printed once, on a line of its own.
 */
public final class AdminAccessCommands {

    private AdminAccessCommands() {
    }

    /** {@code admin tokens ...}. */
    @Command(name = "tokens", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
            subcommands = {Create.class, ListTokens.class, Revoke.class})
    public static class Tokens {
    }

    /** {@code admin tokens create --name ci --role operator}: prints the secret once, with "save it now". */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token; its secret is shown this once (the server keeps only a hash).",
                "Give it the least role it needs: viewer, operator or admin."})
    public static class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "What the token is for, e.g. ci.")
        String name;

        @Option(names = "--role", required = true, description = "viewer (read), operator (start, cancel) or admin.")
        String role;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode created = ctx.client().admin().createToken(name, role);
            if (ctx.printer().machine()) {
                ctx.printer().printData(created);
                return ExitCodes.OK;
            }
            JsonNode token = created.path("token");
            String secret = created.path("secret").asText();
            ctx.out().printf("created token %s \"%s\" (%s)%n", token.path("id").asText(), token.path("name").asText(),
                    token.path("role").asText());
            ctx.out().println("secret, shown this once; save it now (the server cannot show it again):");
            ctx.out().println("  " + secret);
            ctx.out().printf("next: opsbridge login --url %s --token %s%n", ctx.client().baseUrl(), secret);
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code admin tokens list}: ids, names, roles; never a secret. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    public static class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode answer = ctx.client().admin().tokens();
            if (ctx.printer().machine()) {
                ctx.printer().printData(answer);
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "NAME", "ROLE", "CREATED", "REVOKED"});
            answer.path("tokens").forEach(t -> rows.add(new String[] {t.path("id").asText(), t.path("name").asText(),
                    t.path("role").asText(), t.path("created_at").asText("-"), text(t.path("revoked_at"))}));
            ctx.printer().table(rows);
            ctx.out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code admin tokens revoke ID}: refused from the next call on. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    public static class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Token id (the part after obt_, see admin tokens list).")
        String id;

        @Override
        public Integer call() {
            Context ctx = Context.of(spec);
            JsonNode revoked = ctx.client().admin().revokeToken(id);
            if (ctx.printer().machine()) {
                ctx.printer().printData(revoked);
            } else {
                ctx.out().printf("token %s \"%s\" revoked at %s: refused from now on%n", revoked.path("id").asText(),
                        revoked.path("name").asText(), revoked.path("revoked_at").asText());
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code admin audit [--since T] [--actor token:ID] [--action activate] [--limit N]}: newest first. */
    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Who changed what, newest first.")
    public static class Audit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--since", description = "ISO instant, e.g. 2026-12-01T00:00:00Z.")
        String since;

        @Option(names = "--actor", description = "token:ID or anonymous.")
        String actor;

        @Option(names = "--action", description = "Part of the route, e.g. activate.")
        String action;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder("?limit=" + limit);
            append(query, "since", since);
            append(query, "actor", actor);
            append(query, "action", action);
            Context ctx = Context.of(spec);
            JsonNode answer = ctx.client().admin().audit(query.toString());
            if (ctx.printer().machine()) {
                ctx.printer().printData(answer);
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"AT", "ACTOR", "ROLE", "ACTION", "TARGET", "OUTCOME"});
            answer.path("entries").forEach(e -> rows.add(new String[] {e.path("at").asText(), e.path("actor").asText(),
                    text(e.path("role")), e.path("action").asText(), text(e.path("target")),
                    e.path("outcome").asText() + " " + e.path("status").asText()}));
            ctx.printer().table(rows);
            ctx.out().printf("%d entries%n", rows.size() - 1);
            ctx.out().flush();
            return ExitCodes.OK;
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=').append(OpsBridgeClient.encode(value));
            }
        }
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? "-" : value.asText();
    }
}
