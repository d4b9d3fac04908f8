package dev.quiver.cli.graph;

import dev.quiver.cli.ExitCode;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quiver graph}: the container of {@code graph calls} and {@code graph classes}. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        subcommands = {CallGraphCommand.class, ClassGraphCommand.class},
        description = {"Draw call graphs and class graphs: DOT, SVG, PNG, PDF (through Graphviz dot) or JSON.",
            "",
            "Nodes are methods (overloads apart) or types, with short labels and the full signature as tooltip, "
                + "one cluster per package; framework methods and types are grey, dashed nodes. A graph larger than "
                + "--max-nodes is refused with a message saying which option would narrow it. See docs/GRAPHS.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver graph calls 'Lcom/a/SmsReceiver;->onReceive' --callees --depth 0 --exclude 'Landroidx/*' -o recv.svg",
            "  quiver graph calls 'Landroid/telephony/SmsManager;->sendTextMessage*' --callers -o senders.png",
            "  quiver graph classes --package com.a -o classes.svg",
            "  quiver graph classes --root android.app.Activity --json"})
public final class GraphCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: 'calls METHOD' or 'classes "
                + "--package GLOB|--root TYPE'");
    }

    /**
     * The {@code graph} command with its subcommands, as Main registers it. Each subcommand's spec
     * is then shaped: the row-format options every query command inherits ({@code --csv},
     * {@code --table}, {@code --columns}) mean nothing for a graph and are dropped, {@code --json}
     * stays as a short form of {@code --format json}; and the help ends with the exit codes, as
     * Main gives every top-level command.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GraphCommand());
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            for (String name : List.of("--csv", "--table", "--columns", "--json")) {
                OptionSpec o = spec.findOption(name);
                if (o != null) {
                    spec.remove(o);
                }
            }
            spec.addOption(OptionSpec.builder("--json").type(boolean.class).arity("0")
                    .description("The same as --format json.").build());
            String[] own = spec.usageMessage().footer();
            String[] footer = Arrays.copyOf(own, own.length + 2);
            footer[own.length] = "%nExit codes:";
            footer[own.length + 1] = ExitCode.helpTable().stripTrailing();
            spec.usageMessage().footer(footer);
        }
        return cl;
    }
}
