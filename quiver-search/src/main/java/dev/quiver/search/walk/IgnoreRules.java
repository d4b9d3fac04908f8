package dev.quiver.search.walk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules of one {@code .gitignore}-style file (or of the {@code -g} globs), in file order. */
public final class IgnoreRules {
    /** The decision of a set of rules about one path. */
    public enum Verdict { NONE, IGNORE, WHITELIST }

    private record Rule(Glob glob, boolean negated, boolean dirOnly) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads an ignore file. */
    public static IgnoreRules read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses gitignore lines: {@code #} comments, {@code !} negation, trailing {@code /} for directories. */
    public static IgnoreRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = false;
            if (line.startsWith("!")) {
                negated = true;
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            rules.add(new Rule(Glob.compile(line, false), negated, dirOnly));
        }
        return new IgnoreRules(rules);
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
            end--;
        }
        String r = s.substring(0, end);
        if (r.endsWith("\\ ")) {
            r = r.substring(0, r.length() - 2) + " ";
        }
        return r;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The last rule matching {@code relPath} decides: ignore it, or (with {@code !}) whitelist it. */
    public Verdict match(String relPath, String name, boolean isDir) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.dirOnly && !isDir) {
                continue;
            }
            if (r.glob.matches(relPath, name)) {
                return r.negated ? Verdict.WHITELIST : Verdict.IGNORE;
            }
        }
        return Verdict.NONE;
    }
}
