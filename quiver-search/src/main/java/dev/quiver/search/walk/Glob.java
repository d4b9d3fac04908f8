package dev.quiver.search.walk;

import java.util.regex.Pattern;

/**
 * A gitignore-style glob compiled to a regex over a {@code /}-separated relative path:
 * {@code *} and {@code ?} stay within one component, {@code **} spans components,
 * {@code [...]} is a class ({@code [!...]} negated), {@code {a,b}} is either, a backslash escapes.
 */
public final class Glob {
    private final Pattern regex;
    private final boolean basenameOnly;
    private final String source;

    private Glob(String source, Pattern regex, boolean basenameOnly) {
        this.source = source;
        this.regex = regex;
        this.basenameOnly = basenameOnly;
    }

    /**
     * Compiles a glob. Without a {@code /} (other than at the end, already removed) it matches the
     * file name at any depth; otherwise it matches the path relative to its base.
     */
    public static Glob compile(String glob, boolean caseInsensitive) {
        String g = glob;
        boolean anchored = g.contains("/");
        if (g.startsWith("/")) {
            g = g.substring(1);
        }
        boolean basenameOnly = !anchored;
        StringBuilder re = new StringBuilder();
        int n = g.length();
        int braces = 0;
        for (int i = 0; i < n; i++) {
            char c = g.charAt(i);
            if (c == '{' && g.indexOf('}', i + 1) > 0) {
                // {a,b}: alternatives, as in ripgrep's globs
                re.append("(?:");
                braces++;
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else if (c == '}' && braces > 0) {
                re.append(')');
                braces--;
            } else if (c == '*') {
                boolean dbl = i + 1 < n && g.charAt(i + 1) == '*';
                if (dbl) {
                    boolean atStart = i == 0;
                    boolean slashAfter = i + 2 < n && g.charAt(i + 2) == '/';
                    boolean atEnd = i + 2 == n;
                    if (atStart && slashAfter) {
                        re.append("(?:.*/)?");
                        i += 2;
                    } else if (atEnd && i > 0 && g.charAt(i - 1) == '/') {
                        re.append(".*");
                        i += 1;
                    } else if (slashAfter && i > 0 && g.charAt(i - 1) == '/') {
                        re.append("(?:.*/)?");
                        i += 2;
                    } else {
                        re.append("[^/]*");
                        i += 1;
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = g.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = g.substring(i + 1, close);
                    StringBuilder cls = new StringBuilder("[");
                    int k = 0;
                    if (body.startsWith("!") || body.startsWith("^")) {
                        cls.append('^');
                        k = 1;
                    }
                    for (; k < body.length(); k++) {
                        char b = body.charAt(k);
                        if (b == '\\' || b == '[' || b == ']' || b == '&' || b == '^') {
                            cls.append('\\');
                        }
                        cls.append(b);
                    }
                    re.append(cls).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
            } else {
                if ("\\.[]{}()+-*?^$|".indexOf(c) >= 0) {
                    re.append('\\');
                }
                re.append(c);
            }
        }
        int flags = caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return new Glob(glob, Pattern.compile(re.toString(), flags | Pattern.DOTALL), basenameOnly);
    }

    /** True when the glob matches {@code relPath} (its last component being {@code name}). */
    public boolean matches(String relPath, String name) {
        return regex.matcher(basenameOnly ? name : relPath).matches();
    }

    @Override
    public String toString() {
        return source;
    }
}
