package dev.quiver.cli.shell;

import dev.quiver.cli.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code help [COMMAND]}: the shell's commands, or one command's options. */
@Command(name = "help", mixinStandardHelpOptions = true,
        description = "List the commands, or show one command's options (the same as COMMAND --help).")
final class HelpCommand implements Callable<Integer> {
    private final Shell shell;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "The command to explain.")
    String command;

    HelpCommand(Shell shell) {
        this.shell = shell;
    }

    @Override
    public Integer call() {
        PrintWriter out = shell.out();
        if (command != null) {
            CommandLine c = shell.tree().getSubcommands().get(command);
            if (c == null) {
                shell.err().println("quiver: error: no command '" + dev.quiver.cli.render.Cells.display(command)
                        + "' (type 'help' for the list)");
                shell.err().flush();
                return ExitCode.ERROR.code();
            }
            c.usage(out);
            out.flush();
            return ExitCode.OK.code();
        }
        Map<CommandLine, List<String>> all = shell.commands();
        int width = 0;
        for (List<String> names : all.values()) {
            width = Math.max(width, String.join(", ", names).length());
        }
        String group = null;
        for (Map.Entry<CommandLine, List<String>> e : all.entrySet()) {
            String g = shell.group(e.getValue().get(0));
            if (!g.equals(group)) {
                out.println((group == null ? "" : "\n") + g + ":");
                group = g;
            }
            String names = String.join(", ", e.getValue());
            String[] desc = e.getKey().getCommandSpec().usageMessage().description();
            out.println("  " + names + " ".repeat(width - names.length() + 2) + summary(desc));
        }
        out.println();
        out.println("'help COMMAND' or 'COMMAND --help' shows a command's options. Quote values as in a POSIX shell:"
                + " 'Lcom/a/B;->foo(I)V'. Tab completes commands, options and names from the open index;"
                + " Ctrl-C cancels a command; Ctrl-D or quit leaves.");
        out.flush();
        return ExitCode.OK.code();
    }

    /** A command's first sentence (or clause), at most 90 characters. */
    static String summary(String[] description) {
        String first = description.length == 0 ? "" : description[0];
        int end = first.length();
        for (String stop : new String[] {". ", "; "}) {
            int at = first.indexOf(stop);
            if (at > 0 && at < end) {
                end = stop.equals(". ") ? at + 1 : at;
            }
        }
        String s = first.substring(0, end);
        return s.length() > 90 ? s.substring(0, 89) + "…" : s;
    }

}
