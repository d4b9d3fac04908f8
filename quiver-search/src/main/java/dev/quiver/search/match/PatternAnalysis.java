package dev.quiver.search.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@code java.util.regex} pattern just far enough to find what every match must contain:
 * the required literal runs, the longest run of characters from one class, and whether the
 * pattern has upper-case literals (for smart case). It never decides whether a line matches; it
 * only tells the prefilter where a match cannot be. Anything it does not understand makes it say
 * less, never something wrong.
 */
public final class PatternAnalysis {
    /** What one pattern atom is, for the purpose of prefiltering. */
    private enum Kind { LITERAL, CLASS, ZERO_WIDTH, OTHER }

    private record Item(Kind kind, int ch, String source, int min) {
    }

    private final String pattern;
    private final boolean caseInsensitive;
    private final List<List<Item>> branches = new ArrayList<>();
    private boolean inlineFlags;
    private boolean uppercaseLiteral;

    private PatternAnalysis(String pattern, boolean caseInsensitive) {
        this.pattern = pattern;
        this.caseInsensitive = caseInsensitive;
    }

    /** Analyses a regex. {@code caseInsensitive} is the effective case mode of the search. */
    public static PatternAnalysis of(String pattern, boolean caseInsensitive) {
        PatternAnalysis a = new PatternAnalysis(pattern, caseInsensitive);
        a.parseBranches(pattern, true);
        return a;
    }

    /** True when some literal character of the pattern is upper case (smart case looks only at these). */
    public static boolean hasUppercaseLiteral(String pattern) {
        PatternAnalysis a = new PatternAnalysis(pattern, false);
        a.parseBranches(pattern, false);
        return a.uppercaseLiteral;
    }

    /** True when the pattern sets flags inline ({@code (?i)}, {@code (?x)}…); prefilters are then off. */
    public boolean hasInlineFlags() {
        return inlineFlags;
    }

    /**
     * One literal per top-level alternative such that every match contains at least one of them,
     * or an empty list when some alternative has no required literal.
     */
    public List<String> requiredLiterals() {
        if (inlineFlags) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<Item> branch : branches) {
            String best = bestLiteral(branch);
            if (best.isEmpty()) {
                return List.of();
            }
            out.add(best);
        }
        return out;
    }

    /**
     * The longest run of consecutive characters all drawn from one set, or null if shorter than 2.
     * The run never holds a newline: in multiline mode an item that may be one ends the run (a
     * match of {@code [a-z]\n[a-z]} holds no three letters in a row); line by line, no line holds
     * one, so such an item just loses the newline from its set.
     */
    public ClassRun longestClassRun(boolean multiline) {
        if (inlineFlags || branches.size() != 1) {
            return null;
        }
        ClassRun best = null;
        boolean[] set = new boolean[256];
        int run = 0;
        for (Item item : branches.get(0)) {
            switch (item.kind) {
                case ZERO_WIDTH -> { }
                case LITERAL, CLASS -> {
                    boolean[] s = byteSet(item);
                    if (s == null || (multiline && s['\n'])) {
                        run = 0;
                        set = new boolean[256];
                        continue;
                    }
                    for (int i = 0; i < 256; i++) {
                        set[i] |= s[i];
                    }
                    run += item.min;
                    if (run >= 2 && (best == null || run > best.length())) {
                        boolean[] copy = set.clone();
                        copy['\n'] = false;
                        best = new ClassRun(copy, run);
                    }
                }
                default -> {
                    run = 0;
                    set = new boolean[256];
                }
            }
        }
        return best;
    }

    /** A run of at least {@code length} consecutive bytes, each one in {@code bytes}. */
    public record ClassRun(boolean[] bytes, int length) {
    }

    private String bestLiteral(List<Item> branch) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (Item item : branch) {
            if (item.kind == Kind.LITERAL && literalUsable(item.ch)) {
                if (item.min == 0) {
                    best = better(best, run.toString());
                    run.setLength(0);
                    continue;
                }
                run.appendCodePoint(item.ch);
                if (item.min != 1 || item.source != null) {
                    // a repeated character: required once, but the run cannot go on past it
                    best = better(best, run.toString());
                    run.setLength(0);
                    run.appendCodePoint(item.ch);
                }
            } else {
                best = better(best, run.toString());
                run.setLength(0);
            }
        }
        return better(best, run.toString());
    }

    private boolean literalUsable(int ch) {
        return !caseInsensitive || ch < 0x80;
    }

    private static String better(String a, String b) {
        return b.length() > a.length() ? b : a;
    }

    private boolean[] byteSet(Item item) {
        boolean[] set = new boolean[256];
        if (item.kind == Kind.LITERAL) {
            if (item.ch >= 0x80) {
                for (int i = 0x80; i < 256; i++) {
                    set[i] = true;
                }
                return set;
            }
            set[item.ch] = true;
            if (caseInsensitive && Character.isLetter(item.ch)) {
                set[Character.toLowerCase(item.ch)] = true;
                set[Character.toUpperCase(item.ch)] = true;
            }
            return set;
        }
        Pattern p;
        try {
            p = Pattern.compile(item.source, Pattern.UNIX_LINES | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PatternSyntaxException e) {
            return null;
        }
        java.util.regex.Matcher m = p.matcher("");
        char[] one = new char[1];
        for (int c = 0; c < 0x80; c++) {
            one[0] = (char) c;
            set[c] = m.reset(new String(one)).matches();
        }
        for (int i = 0x80; i < 256; i++) {
            set[i] = true; // bytes of multi-byte characters: assume any of them can belong
        }
        return set;
    }

    // ---- parsing -------------------------------------------------------------------------

    private void parseBranches(String s, boolean record) {
        List<Item> current = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            Item atom;
            if (c == '|') {
                if (record) {
                    branches.add(current);
                }
                current = new ArrayList<>();
                i++;
                continue;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return;
                }
                char e = s.charAt(i + 1);
                if (e == 'Q') {
                    int end = s.indexOf("\\E", i + 2);
                    String quoted = end < 0 ? s.substring(i + 2) : s.substring(i + 2, end);
                    i = end < 0 ? n : end + 2;
                    for (int k = 0; k < quoted.length(); k++) {
                        noteLiteral(quoted.charAt(k));
                        current.add(new Item(Kind.LITERAL, quoted.charAt(k), null, 1));
                    }
                    continue;
                }
                i = parseEscape(s, i);
                atom = escapeItem(s.substring(start, i));
            } else if (c == '[') {
                i = skipClass(s, i);
                String src = s.substring(start, i);
                noteClassCase(src);
                atom = new Item(Kind.CLASS, -1, src, 1);
            } else if (c == '(') {
                i = skipGroup(s, i);
                String inner = s.substring(start + 1, Math.max(start + 1, i - 1));
                if (inner.startsWith("?")) {
                    String rest = inner.substring(1);
                    if (rest.startsWith(":")) {
                        inner = rest.substring(1);
                    } else if (rest.startsWith("<") && !rest.startsWith("<=") && !rest.startsWith("<!")) {
                        int gt = rest.indexOf('>');
                        inner = gt < 0 ? rest : rest.substring(gt + 1);
                    } else if (!rest.isEmpty() && "=!>".indexOf(rest.charAt(0)) < 0 && !rest.startsWith("<")) {
                        inlineFlags = true;
                        int colon = rest.indexOf(':');
                        inner = colon < 0 ? "" : rest.substring(colon + 1);
                    } else {
                        inner = rest.substring(rest.startsWith("<") ? 2 : 1);
                    }
                }
                PatternAnalysis nested = new PatternAnalysis(inner, caseInsensitive);
                nested.parseBranches(inner, false);
                inlineFlags |= nested.inlineFlags;
                uppercaseLiteral |= nested.uppercaseLiteral;
                atom = new Item(Kind.OTHER, -1, null, 1);
            } else if (c == '.') {
                i++;
                atom = new Item(Kind.CLASS, -1, ".", 1);
            } else if (c == '^' || c == '$') {
                i++;
                atom = new Item(Kind.ZERO_WIDTH, -1, null, 0);
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                // a quantifier with nothing before it: leave it to Pattern.compile to complain
                i++;
                current.add(new Item(Kind.OTHER, -1, null, 0));
                continue;
            } else {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                noteLiteral(cp);
                atom = new Item(Kind.LITERAL, cp, null, 1);
            }
            // quantifier?
            int[] q = new int[2];
            int after = parseQuantifier(s, i, q);
            if (after != i) {
                i = after;
                if (atom.kind == Kind.ZERO_WIDTH) {
                    current.add(atom);
                } else {
                    current.add(new Item(atom.kind, atom.ch, atom.kind == Kind.LITERAL ? "q" : atom.source, q[0]));
                }
            } else {
                current.add(atom);
            }
        }
        if (record) {
            branches.add(current);
        }
    }

    private void noteLiteral(int cp) {
        if (Character.isUpperCase(cp)) {
            uppercaseLiteral = true;
        }
    }

    private void noteClassCase(String src) {
        for (int k = 1; k < src.length(); k++) {
            char ch = src.charAt(k);
            if (ch == '\\') {
                if (k + 1 < src.length() && (src.charAt(k + 1) == 'p' || src.charAt(k + 1) == 'P')) {
                    int close = src.indexOf('}', k);
                    k = close < 0 ? src.length() : close;
                } else {
                    k++;
                }
            } else if (Character.isUpperCase(ch)) {
                uppercaseLiteral = true;
            }
        }
    }

    private Item escapeItem(String esc) {
        char e = esc.charAt(1);
        switch (e) {
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'p', 'P':
                return new Item(Kind.CLASS, -1, esc, 1);
            case 'b', 'B', 'A', 'z', 'Z', 'G':
                return new Item(Kind.ZERO_WIDTH, -1, null, 0);
            case 't':
                return new Item(Kind.LITERAL, '\t', null, 1);
            case 'n':
                return new Item(Kind.LITERAL, '\n', null, 1);
            case 'r':
                return new Item(Kind.LITERAL, '\r', null, 1);
            case 'f':
                return new Item(Kind.LITERAL, '\f', null, 1);
            case 'a':
                return new Item(Kind.LITERAL, 7, null, 1);
            case 'e':
                return new Item(Kind.LITERAL, 27, null, 1);
            default:
                if (Character.isLetterOrDigit(e)) {
                    return new Item(Kind.OTHER, -1, null, 1); // hex, unicode and octal escapes, control chars, back-references
                }
                noteLiteral(e);
                return new Item(Kind.LITERAL, e, null, 1);
        }
    }

    private static int parseEscape(String s, int i) {
        int n = s.length();
        char e = s.charAt(i + 1);
        int j = i + 2;
        if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && j < n && s.charAt(j) == '{') {
            int close = s.indexOf('}', j);
            return close < 0 ? n : close + 1;
        }
        if (e == 'p' || e == 'P') {
            return Math.min(n, j + 1);
        }
        if (e == 'k' && j < n && s.charAt(j) == '<') {
            int close = s.indexOf('>', j);
            return close < 0 ? n : close + 1;
        }
        if (e == 'x') {
            return Math.min(n, j + 2);
        }
        if (e == 'u') {
            return Math.min(n, j + 4);
        }
        if (e == 'c') {
            return Math.min(n, j + 1);
        }
        if (e == '0') {
            while (j < n && j < i + 5 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                j++;
            }
        }
        return j;
    }

    private static int skipClass(String s, int i) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }

    private static int skipGroup(String s, int i) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && s.charAt(i + 1) == 'Q') {
                    int end = s.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 2;
                    continue;
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                i = skipClass(s, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }

    /** Parses a quantifier at {@code i}; returns the index after it (== i if none); q[0]=min. */
    private static int parseQuantifier(String s, int i, int[] q) {
        int n = s.length();
        if (i >= n) {
            return i;
        }
        char c = s.charAt(i);
        int j;
        if (c == '?' || c == '*') {
            q[0] = 0;
            j = i + 1;
        } else if (c == '+') {
            q[0] = 1;
            j = i + 1;
        } else if (c == '{') {
            int close = s.indexOf('}', i);
            if (close < 0) {
                return i;
            }
            String body = s.substring(i + 1, close);
            String min = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            try {
                q[0] = Integer.parseInt(min.trim());
            } catch (NumberFormatException e) {
                return i; // not a quantifier; Pattern.compile reports the syntax error
            }
            j = close + 1;
        } else {
            return i;
        }
        if (j < n && (s.charAt(j) == '?' || s.charAt(j) == '+')) {
            j++;
        }
        return j;
    }

    @Override
    public String toString() {
        return "PatternAnalysis[" + pattern + "]";
    }
}
