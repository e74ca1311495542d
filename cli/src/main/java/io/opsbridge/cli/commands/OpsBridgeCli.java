package io.opsbridge.cli.commands;

import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.client.ApiException;
import io.opsbridge.cli.client.Contexts;
import io.opsbridge.cli.client.Credentials;
import io.opsbridge.cli.client.OpsBridgeClient;
import io.opsbridge.cli.client.ServerUnreachableException;
import io.opsbridge.cli.output.OutputFormat;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code opsbridge}: start and follow OpsBridge operations from a terminal, over the HTTP API only.
 *
 * <pre>{@code
 * opsbridge login --url http://localhost:8080 --token-file data/admin-token
 * opsbridge train --symbols AAPL,MSFT --timeframe 1h --epochs 10 --watch
 * opsbridge ops list --status running
 * }</pre>
 */
@Command(name = "opsbridge", mixinStandardHelpOptions = true, version = "opsbridge 0.1.0",
        description = "Start and follow OpsBridge operations (trainings, data loads) by pulling the HTTP API.",
        subcommands = {LoginCommand.class, ContextCommand.class, TrainCommand.class, DataCommand.class,
            OpsCommand.class, ModelsCommand.class, AdminCommand.class, CommandLine.HelpCommand.class,
            CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:completed (or the command worked)",
            "1:the watched operation failed",
            "2:bad command line",
            "3:the watched operation was cancelled",
            "4:the server refused the request",
            "5:the server could not be reached",
            "6:the watched operation completed with warnings (printed)",
            "7:ops wait gave up: the operation was not there in time",
            "130:watching stopped with Ctrl-C (the operation keeps running)"})
public class OpsBridgeCli {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Server address (env OPSBRIDGE_URL); default: the current login's (opsbridge login),"
                    + " else http://localhost:8080.")
    URI url;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, 80 columns), wide (every column), json or yaml (for scripts);"
                    + " default ${DEFAULT-VALUE}.")
    OutputFormat output;

    /** The server this command talks to (see {@link Credentials#server}). */
    public URI server() {
        return Credentials.server(url, System.getenv(), contexts(), BaseUrl::parse);
    }

    public OpsBridgeClient client() {
        URI server = server();
        return new OpsBridgeClient(server, Credentials.forServer(server, System.getenv(), contexts()));
    }

    /** The saved logins of this user. */
    public Contexts contexts() {
        return Contexts.of(System.getenv());
    }

    public OutputFormat output() {
        return output;
    }

    /** The command line with its error handling: server errors as one line on stderr, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpsBridgeCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(URI.class, BaseUrl::parse);
        cli.registerConverter(LocalDate.class, BaseUrl::date);
        cli.setParameterExceptionHandler(OpsBridgeCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ApiException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.SERVER_ERROR;
            }
            if (e instanceof ServerUnreachableException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
            if (e instanceof UncheckedIOException || e instanceof CommandLine.TypeConversionException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            throw e;
        });
        return cli;
    }

    /**
     * A bad command line: the one-line error, "did you mean" for a mistyped command or option, and the
     * command's usage line, not the whole help (as git and kubectl do).
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("did you mean: " + String.join(" or ", unmatched.getSuggestions().stream()
                    .limit(3).map(s -> cmd.getCommandSpec().qualifiedName() + " " + s).toList()) + "?");
        }
        String synopsis = cmd.getHelp().synopsis(0).stripTrailing();
        err.println("usage: " + synopsis.replaceFirst("^Usage: ", "").replaceAll("\\s*\\R\\s*", " "));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
