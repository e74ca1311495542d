package io.opsbridge.cli.commands;

import io.opsbridge.cli.client.OpsBridgeClient;
import io.opsbridge.cli.output.OperationPrinter;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs, taken from the root command's global options and picocli's streams. */
record Context(OpsBridgeClient client, OperationPrinter printer, PrintWriter out, PrintWriter err) {

    static Context of(CommandSpec spec) {
        OpsBridgeCli root = (OpsBridgeCli) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        return new Context(root.client(), new OperationPrinter(out, root.output()), out,
                spec.commandLine().getErr());
    }
}
