package dev.quiver.search.walk;

import java.util.regex.Pattern;

/**
 * A gitignore-style glob compiled to a regex over a {@code /}-separated relative path:
 * {@code *} and {@code ?} stay within one component, {@code **} spans components,
 * {@code [...]} is a class ({@code [!...]} negated), {@code {a,b}} is either, a backslash escapes.
 * What rg 13 rejects is rejected with a {@link GlobException} carrying rg's message.
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
     *
     * @throws GlobException for a glob rg rejects (nested or unclosed group, unclosed class...)
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
        // as rg 13's globset: one level of {a,b} groups (a '{' inside one is an error), a ','
        // outside a group is literal, a '}' outside one is dropped, a group left open is an error
        boolean inGroup = false;
        for (int i = 0; i < n; i++) {
            char c = g.charAt(i);
            if (c == '{') {
                if (inGroup) {
                    throw new GlobException(glob, "nested alternate groups are not allowed");
                }
                re.append("(?:");
                inGroup = true;
            } else if (c == ',' && inGroup) {
                re.append('|');
            } else if (c == '}') {
                if (inGroup) {
                    re.append(')');
                    inGroup = false;
                }
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
                i = charClass(glob, g, i + 1, re);
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new GlobException(glob, "dangling '\\'");
                }
                re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
            } else {
                if ("\\.[]{}()+-*?^$|".indexOf(c) >= 0) {
                    re.append('\\');
                }
                re.append(c);
            }
        }
        if (inGroup) {
            throw new GlobException(glob, "unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
        }
        int flags = caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return new Glob(glob, Pattern.compile(re.toString(), flags | Pattern.DOTALL), basenameOnly);
    }

    /**
     * Parses a class whose body starts at {@code i} (after the {@code [}) as globset does: a
     * leading {@code !} or {@code ^} negates, a {@code ]} first is literal, {@code a-z} is a range
     * ({@code -} first or last is literal), a backslash is literal. Appends it to {@code re};
     * returns the index of the closing {@code ]}.
     */
    private static int charClass(String glob, String g, int i, StringBuilder re) {
        int n = g.length();
        boolean negated = i < n && (g.charAt(i) == '!' || g.charAt(i) == '^');
        if (negated) {
            i++;
        }
        java.util.List<char[]> ranges = new java.util.ArrayList<>();
        boolean first = true;
        boolean inRange = false;
        for (; ; i++) {
            if (i >= n) {
                throw new GlobException(glob, "unclosed character class; missing ']'");
            }
            char c = g.charAt(i);
            if (c == ']' && !first) {
                break;
            }
            if (c == '-' && !first && !inRange) {
                inRange = true;
            } else if (inRange) {
                char[] last = ranges.get(ranges.size() - 1);
                last[1] = c;
                if (last[1] < last[0]) {
                    throw new GlobException(glob, "invalid range; '" + last[0] + "' > '" + last[1] + "'");
                }
                inRange = false;
            } else {
                ranges.add(new char[] {c, c});
            }
            first = false;
        }
        if (inRange) {
            ranges.add(new char[] {'-', '-'}); // a '-' last is literal
        }
        re.append(negated ? "[^" : "[");
        for (char[] r : ranges) {
            re.append(classChar(r[0]));
            if (r[1] != r[0]) {
                re.append('-').append(classChar(r[1]));
            }
        }
        re.append(']');
        return i;
    }

    private static String classChar(char c) {
        return String.format("\\x{%x}", (int) c);
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
