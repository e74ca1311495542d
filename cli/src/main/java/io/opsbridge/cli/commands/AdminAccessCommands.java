package io.opsbridge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsbridge admin tokens create|list|revoke} and {@code opsbridge admin audit}, subcommands of
 * {@link AdminCommand}: they need an admin token ({@code OPSBRIDGE_TOKEN}, or {@code data/admin-token}
 * for a localhost backend). Print the server's JSON.
 */
public final class AdminAccessCommands {

    private AdminAccessCommands() {
    }

    /** {@code admin tokens ...}. */
    @Command(name = "tokens", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
            subcommands = {Create.class, ListTokens.class, Revoke.class})
    public static class Tokens {
    }

    /** {@code admin tokens create --name ci --role operator}: prints the token once. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; it is shown this once.")
    public static class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;

        @Option(names = "--role", required = true, description = "viewer, operator or admin.")
        String role;

        @Override
        public Integer call() {
            return print(spec, client -> client.postJson("/api/v1/admin/tokens", Map.of("name", name, "role", role)));
        }
    }

    /** {@code admin tokens list}: ids, names, roles; never a secret. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    public static class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return print(spec, client -> client.getJson("/api/v1/admin/tokens"));
        }
    }

    /** {@code admin tokens revoke ID}: refused from the next call on. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    public static class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Token id (the part after obt_).")
        String id;

        @Override
        public Integer call() {
            return print(spec, client -> client.deleteJson("/api/v1/admin/tokens/" + OpsBridgeClient.encode(id)));
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
            return print(spec, client -> client.getJson("/api/v1/admin/audit" + query));
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=').append(OpsBridgeClient.encode(value));
            }
        }
    }

    private static int print(CommandSpec spec, java.util.function.Function<OpsBridgeClient, JsonNode> call) {
        Context ctx = Context.of(spec);
        ctx.out().println(call.apply(ctx.client()).toPrettyString());
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
