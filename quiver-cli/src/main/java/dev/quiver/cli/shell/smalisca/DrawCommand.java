package dev.quiver.cli.shell.smalisca;

import dev.quiver.cli.CommandTree;
import dev.quiver.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of smalisca's drawing commands: each turns its options into a {@code quiver graph}
 * command line, says it (so the user learns the command), and runs it through the shell's command
 * tree. No graph logic here: {@code quiver graph} draws.
 */
abstract class DrawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DrawOptions draw;

    /** The {@code graph} subcommand and its question (everything but the output options). */
    abstract List<String> question();

    @Override
    public final Integer call() {
        String problem = draw.problem();
        if (problem != null) {
            throw usage(problem);
        }
        List<String> args = new ArrayList<>(List.of("graph"));
        args.addAll(question());
        args.addAll(draw.graphArgs());
        CommandLine root = CommandTree.forCommand("graph");
        if (!root.getSubcommands().containsKey("graph")) {
            spec.commandLine().getErr().println("quiver: error: this build has no 'quiver graph' to draw with");
            spec.commandLine().getErr().flush();
            return ExitCode.ERROR.code();
        }
        if (draw.args != null) {
            spec.commandLine().getErr().println("quiver: note: --args is ignored (smalisca ignored it too)");
        }
        spec.commandLine().getErr().println("quiver: note: drawing with: quiver " + quoted(args));
        spec.commandLine().getErr().flush();
        root.setOut(spec.commandLine().getOut());
        root.setErr(spec.commandLine().getErr());
        return root.execute(args.toArray(new String[0]));
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The words as a POSIX shell reads them back: single quotes where a character is special. */
    static String quoted(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(sb.length() == 0 ? "" : " ");
            if (w.matches("[A-Za-z0-9_./:=,+-]+")) {
                sb.append(w);
            } else {
                sb.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }

    /** A glob over method signatures: class contains {@code cls}, name contains {@code name}, parameters contain {@code params}. */
    static String methods(String cls, String name, String params) {
        String c = cls == null ? "*" : "*" + cls + "*";
        if (params != null) {
            return c + "->*" + (name == null ? "" : name + "*") + "(*" + params + "*)*";
        }
        return name == null ? c + "->*" : c.substring(0, c.length() - 1) + Table.memberGlob(name);
    }
}
