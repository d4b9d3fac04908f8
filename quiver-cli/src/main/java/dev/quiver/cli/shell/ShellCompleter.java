package dev.quiver.cli.shell;

import dev.quiver.cli.query.Session;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.Names;
import dev.quiver.core.query.QueryException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.builtins.Completers;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion over the picocli model of the shell's commands: command names, then the
 * command's options, then an option's values (its choices, file names for files) and names from
 * the open index: a word starting with {@code L} completes class descriptors package by package
 * ({@code Lcom/} → {@code Lcom/google/}, {@code Lcom/q/Crypto;}), and after {@code ->} the class's
 * methods and fields, overloads apart.
 */
final class ShellCompleter implements Completer {
    /** How long the first completion may wait for the index's names (later ones find them loaded). */
    private static final long LOAD_BUDGET_MS = 10_000;

    private final CommandLine tree;
    private final Completers.FileNameCompleter files = new Completers.FileNameCompleter();

    ShellCompleter(CommandLine tree) {
        this.tree = tree;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        complete(line.words(), line.wordIndex(), line.word().substring(0, line.wordCursor()), out);
        if (reader != null && out.isEmpty() && wantsFile(line.words(), line.wordIndex())) {
            files.complete(reader, line, out);
        }
    }

    /**
     * The candidates for the word {@code prefix} at {@code index} in {@code words} (file names
     * aside: JLine lists those itself).
     */
    void complete(List<String> words, int index, String prefix, List<Candidate> out) {
        if (index == 0) {
            for (String name : tree.getSubcommands().keySet()) {
                out.add(new Candidate(name, name, null, describe(tree.getSubcommands().get(name)), null, null, true));
            }
            return;
        }
        CommandLine cmd = tree.getSubcommands().get(words.get(0));
        if (cmd == null) {
            return;
        }
        int i = 1;
        while (i < index && cmd.getSubcommands().containsKey(words.get(i))) {
            cmd = cmd.getSubcommands().get(words.get(i));
            i++;
        }
        if (i == index && !cmd.getSubcommands().isEmpty() && !prefix.startsWith("-")) {
            for (String name : cmd.getSubcommands().keySet()) {
                out.add(new Candidate(name, name, null, describe(cmd.getSubcommands().get(name)), null, null, true));
            }
            return;
        }
        CommandSpec spec = cmd.getCommandSpec();
        if (spec.userObject() instanceof HelpCommand) {
            complete(List.of(), 0, prefix, out);
            return;
        }
        OptionSpec previous = index >= 1 ? spec.findOption(words.get(index - 1)) : null;
        if (previous != null && takesValue(previous)) {
            values(previous, prefix, out);
            return;
        }
        if (prefix.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                for (String name : o.names()) {
                    out.add(new Candidate(name, name, null, first(o.description()), null, null, true));
                }
            }
            return;
        }
        PositionalParamSpec positional = spec.positionalParameters().isEmpty() ? null : spec.positionalParameters().get(0);
        if (positional != null) {
            values(positional, prefix, out);
        }
    }

    private static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0 && !o.typeInfo().isBoolean();
    }

    /** Whether the word at {@code index} is a file: an option or positional of type Path or File. */
    private boolean wantsFile(List<String> words, int index) {
        if (index == 0 || words.isEmpty()) {
            return false;
        }
        CommandLine cmd = tree.getSubcommands().get(words.get(0));
        if (cmd == null) {
            return false;
        }
        int i = 1;
        while (i < index && cmd.getSubcommands().containsKey(words.get(i))) {
            cmd = cmd.getSubcommands().get(words.get(i));
            i++;
        }
        CommandSpec spec = cmd.getCommandSpec();
        OptionSpec previous = spec.findOption(words.get(index - 1));
        if (previous != null) {
            return takesValue(previous) && isFile(previous);
        }
        String word = index < words.size() ? words.get(index) : "";
        return !word.startsWith("-") && !spec.positionalParameters().isEmpty() && isFile(spec.positionalParameters().get(0));
    }

    private static boolean isFile(ArgSpec a) {
        Class<?> t = a.typeInfo().isMultiValue() && !a.typeInfo().getAuxiliaryTypeInfos().isEmpty()
                ? a.typeInfo().getAuxiliaryTypeInfos().get(0).getType() : a.type();
        return t == Path.class || t == File.class;
    }

    /** An option's or positional's values: its choices, else names from the index for a word starting with L. */
    private void values(ArgSpec a, String prefix, List<Candidate> out) {
        Iterable<String> choices = a.completionCandidates();
        if (choices != null) {
            for (String c : choices) {
                out.add(new Candidate(c, c, null, null, null, null, true));
            }
            return;
        }
        if (!isFile(a)) {
            names(prefix, out);
        }
    }

    /** Class descriptors (package by package) and, after {@code ->}, a class's members. */
    static void names(String prefix, List<Candidate> out) {
        Index index = Session.current();
        if (index == null || !(prefix.startsWith("L") || prefix.contains("->"))) {
            return;
        }
        try {
            Deadline deadline = Deadline.in(LOAD_BUDGET_MS);
            Names names = Names.of(index, deadline);
            int arrow = prefix.indexOf("->");
            if (arrow > 0) {
                for (String m : names.members(prefix.substring(0, arrow), deadline)) {
                    out.add(new Candidate(m, m.substring(arrow + 2), null, null, null, null, true));
                }
                return;
            }
            int dir = prefix.lastIndexOf('/') + 1;
            List<String> hits = names.classesStartingWith(prefix);
            int i = 0;
            while (i < hits.size()) {
                String c = hits.get(i);
                int slash = c.indexOf('/', prefix.length());
                if (slash < 0) {
                    out.add(new Candidate(c, c.substring(dir), null, null, null, null, false));
                    i++;
                } else {
                    // one candidate per package: skip its classes (contiguous in sorted order) in one step
                    String pkg = c.substring(0, slash + 1);
                    out.add(new Candidate(pkg, pkg.substring(dir), null, null, null, null, false));
                    i += names.classesStartingWith(pkg).size();
                }
            }
        } catch (QueryException | RuntimeException e) {
            // no names to offer (the index was closed, or a load failed): Tab offers nothing
        }
    }

    private static String describe(CommandLine c) {
        return first(c.getCommandSpec().usageMessage().description());
    }

    private static String first(String[] lines) {
        if (lines == null || lines.length == 0) {
            return null;
        }
        String s = HelpCommand.summary(new String[] {lines[0].replaceAll("\\$\\{[^}]*}", "…")});
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    /** For tests: the candidates' values, in JLine's order. */
    List<String> values(List<String> words, int index, String prefix) {
        List<Candidate> out = new ArrayList<>();
        complete(words, index, prefix, out);
        List<String> v = new ArrayList<>();
        for (Candidate c : out) {
            if (c.value().startsWith(prefix)) {
                v.add(c.value());
            }
        }
        return v;
    }
}
