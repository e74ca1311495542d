package io.opsbridge.cli.commands;

import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.Contexts;
import io.opsbridge.cli.client.OpsBridgeClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsbridge login --url URL --token TOKEN | --token-file FILE [--context NAME]}: checks the
 * token against the server, saves it as a context readable by this user only and makes it current,
 * as {@code kubectl config} and {@code gh auth login} do. Later commands use it.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Save a server address and token as the current context, readable by you only.",
            "Later commands use it. Log in with the least role you need: viewer to follow,",
            "operator to start and cancel, admin for opsbridge admin."})
public class LoginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Secret secret;

    /** Exactly one way to give the token. */
    static class Secret {
        @Option(names = "--token", paramLabel = "TOKEN", description = "The token (obt_...), e.g. from opsbridge admin tokens create.")
        String token;

        @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the token, e.g. data/admin-token (keeps it out of the shell history).")
        Path file;
    }

    @Option(names = "--context", paramLabel = "NAME", description = "The context's name (default: the server's host:port).")
    String name;

    @Override
    public Integer call() {
        OpsBridgeCli root = (OpsBridgeCli) spec.root().userObject();
        URI server = root.server();
        String token = secret.token != null ? secret.token.trim() : read(secret.file);
        new OpsBridgeClient(server, Optional.of(token)).list(null, null, 1, 0); // a 401 here: a wrong token, not saved
        String context = name != null ? name : server.getHost() + (server.getPort() < 0 ? "" : ":" + server.getPort());
        Contexts contexts = root.contexts();
        contexts.save(context, new Contexts.Context(server.toString(), token));
        Context ctx = Context.of(spec);
        ctx.out().printf("logged in to %s as context %s (saved in %s, readable by you only)%n", server, context,
                contexts.file());
        ctx.out().println("next: opsbridge ops list");
        ctx.out().flush();
        return ExitCodes.OK;
    }

    private static String read(Path file) {
        try {
            String token = Files.readString(file).trim();
            if (token.isEmpty()) {
                throw new UncheckedIOException(new IOException(file + " is empty"));
            }
            return token;
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("the token file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
    }
}
