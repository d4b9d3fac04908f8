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

    /** Receives a line of an ignore file whose glob rg rejects; the line is skipped. */
    public interface BadLine {
        /** {@code lineNumber} counts from 1. */
        void report(int lineNumber, GlobException error);
    }

    /** Reads an ignore file; a line whose glob is invalid goes to {@code badLine} and is skipped (as rg). */
    public static IgnoreRules read(Path file, BadLine badLine) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), badLine);
    }

    /**
     * Parses gitignore lines ({@code -g} globs).
     *
     * @throws GlobException for the first invalid glob
     */
    public static IgnoreRules parse(List<String> lines) {
        return parse(lines, (lineNumber, error) -> {
            throw error;
        });
    }

    /**
     * Parses gitignore lines: {@code #} comments, {@code !} negation, trailing {@code /} for
     * directories. A line whose glob is invalid goes to {@code badLine} (the error names the line
     * as written, as rg's does) and is skipped.
     */
    public static IgnoreRules parse(List<String> lines, BadLine badLine) {
        List<Rule> rules = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = stripTrailingSpaces(raw);
            String written = line;
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
            Glob glob;
            try {
                glob = Glob.compile(line, false);
            } catch (GlobException e) {
                badLine.report(lineNumber, e.as(written));
                continue;
            }
            rules.add(new Rule(glob, negated, dirOnly));
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
