package dev.quiver.search.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The compiled search: two {@link Pattern}s (ASCII classes for pure-ASCII text, which is fast, and
 * Unicode classes for lines with other bytes) plus a {@link Prefilter}. Immutable and shared by
 * all workers; each worker gets its own {@link LineMatcherState}.
 */
public final class LineMatcher {
    private final Pattern ascii;
    private final Pattern unicode;
    private final Pattern asciiLine;
    private final Pattern unicodeLine;
    private final Prefilter prefilter;
    private final boolean caseInsensitive;
    private final boolean multiline;
    private final boolean prefilterIsExact;
    private final boolean mayMatchNewline;

    private LineMatcher(Pattern ascii, Pattern unicode, Pattern asciiLine, Pattern unicodeLine, Prefilter prefilter,
                        boolean caseInsensitive, boolean multiline, boolean prefilterIsExact) {
        this.ascii = ascii;
        this.unicode = unicode;
        this.asciiLine = asciiLine;
        this.unicodeLine = unicodeLine;
        this.prefilter = prefilter;
        this.caseInsensitive = caseInsensitive;
        this.multiline = multiline;
        this.prefilterIsExact = prefilterIsExact;
        this.mayMatchNewline = multiline && mayMatchNewline(ascii.pattern());
    }

    /**
     * Compiles the options.
     *
     * @throws java.util.regex.PatternSyntaxException when a pattern is not a valid regex
     */
    public static LineMatcher compile(MatchOptions options) {
        List<String> regexes = new ArrayList<>();
        boolean ci = switch (options.caseMode()) {
            case SENSITIVE -> false;
            case INSENSITIVE -> true;
            case SMART -> !anyUppercase(options);
        };
        for (String p : options.patterns()) {
            regexes.add(options.fixedStrings() ? Pattern.quote(p) : p);
        }
        String core = regexes.size() == 1 ? regexes.get(0) : "(?:" + String.join(")|(?:", regexes) + ")";
        if (options.word()) {
            core = "(?<![\\w])(?:" + core + ")(?![\\w])";
        }
        if (options.lineRegexp()) {
            core = "^(?:" + core + ")$";
        }
        int lineFlags = Pattern.UNIX_LINES | (ci ? Pattern.CASE_INSENSITIVE : 0);
        int unicodeFlags = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
        Pattern ascii = Pattern.compile(core, lineFlags | Pattern.MULTILINE);
        Pattern unicode = Pattern.compile(core, lineFlags | Pattern.MULTILINE | unicodeFlags);
        // one line at a time, ^ and $ are the region's bounds: without MULTILINE, because in that
        // mode java.util.regex never matches ^ at the end of the input, so ^$ would miss empty lines
        Pattern asciiLine = Pattern.compile(core, lineFlags);
        Pattern unicodeLine = Pattern.compile(core, lineFlags | unicodeFlags);
        Prefilter prefilter = buildPrefilter(options, regexes, ci);
        // -F without -w/-x: the prefilter looks for exactly the strings, so a line holding one of
        // them matches (an ASCII case-folded hit is also a hit of the Unicode case-insensitive
        // pattern, and ASCII bytes decode to themselves): the regex need not confirm it
        boolean exact = prefilter != null && options.fixedStrings() && !options.word() && !options.lineRegexp()
                && noNewline(options.patterns());
        return new LineMatcher(ascii, unicode, asciiLine, unicodeLine, prefilter, ci, options.multiline(), exact);
    }

    private static Prefilter buildPrefilter(MatchOptions options, List<String> regexes, boolean ci) {
        List<Prefilter> parts = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        PatternAnalysis.ClassRun run = null;
        for (int i = 0; i < regexes.size(); i++) {
            String raw = options.patterns().get(i);
            List<String> literals;
            if (options.fixedStrings()) {
                literals = raw.isEmpty() || (ci && !isAscii(raw)) ? List.of() : List.of(raw);
            } else {
                PatternAnalysis a = PatternAnalysis.of(raw, ci);
                literals = a.requiredLiterals();
                if (regexes.size() == 1) {
                    run = a.longestClassRun(options.multiline());
                }
            }
            if (literals.isEmpty()) {
                parts = null;
                break;
            }
            for (String lit : literals) {
                parts.add(literalPrefilter(lit, ci));
                shortest = Math.min(shortest, lit.length());
            }
        }
        if (parts != null) {
            boolean weakLiteral = shortest < 2;
            if (!(weakLiteral && run != null && run.length() >= 3)) {
                return parts.size() == 1 ? parts.get(0) : new AnyPrefilter(parts);
            }
        }
        if (run != null && run.length() >= 2) {
            return new ClassRunPrefilter(run.bytes(), run.length());
        }
        return null;
    }

    private static Prefilter literalPrefilter(String literal, boolean ci) {
        String latin1 = new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        boolean hasLetter = false;
        for (int i = 0; i < latin1.length(); i++) {
            hasLetter |= Character.isLetter(latin1.charAt(i));
        }
        return ci && hasLetter ? new FoldedLiteralPrefilter(latin1) : new LiteralPrefilter(latin1);
    }

    // Loops, not streams, in this file: a lambda that the class-data archive lacks (the archive
    // holds those its training run met) costs ~15 ms of start-up to spin up (measured with
    // -Xlog:class+load on a 10-file search).
    private static boolean anyUppercase(MatchOptions options) {
        for (String p : options.patterns()) {
            if (options.fixedStrings()) {
                for (int i = 0; i < p.length(); i++) {
                    if (Character.isUpperCase(p.charAt(i))) {
                        return true;
                    }
                }
            } else if (PatternAnalysis.hasUppercaseLiteral(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code regex} may match a newline, which decides how rg 13 searches with -U (whole
     * file or line by line) and so what -c counts and where a binary file is cut. Each escape,
     * bracket class and flag group is checked on its own (compiled and tried on "\n"); anything
     * this scan does not understand counts as "may".
     */
    static boolean mayMatchNewline(String regex) {
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c == '\\') {
                int end = escapeEnd(regex, i);
                if (end < 0 || matchesNewline(regex.substring(i, end))) {
                    return true;
                }
                i = end - 1;
            } else if (c == '[') {
                int end = classEnd(regex, i);
                if (end < 0 || matchesNewline(regex.substring(i, end))) {
                    return true;
                }
                i = end - 1;
            } else if (c == '(' && i + 1 < n && regex.charAt(i + 1) == '?') {
                // flags: (?s) or (?is:...) let '.' match a newline; (?-s) and other groups do not
                int j = i + 2;
                boolean on = true;
                while (j < n && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
                    char f = regex.charAt(j);
                    if (f == '-') {
                        on = false;
                    } else if (f == 's' && on) {
                        return true;
                    }
                    j++;
                }
            }
        }
        return false;
    }

    /** The end (exclusive) of the escape starting at {@code i}, or -1 when it is not understood. */
    private static int escapeEnd(String r, int i) {
        int n = r.length();
        if (i + 1 >= n) {
            return -1;
        }
        char e = r.charAt(i + 1);
        switch (e) {
            case 'p', 'P', 'x', 'N' -> {
                if (i + 2 < n && r.charAt(i + 2) == '{') {
                    int close = r.indexOf('}', i + 3);
                    return close < 0 ? -1 : close + 1;
                }
                if (e == 'x') {
                    return i + 4 <= n ? i + 4 : -1;
                }
                return e == 'N' ? -1 : (i + 3 <= n ? i + 3 : -1); // \pL
            }
            case 'u' -> {
                return i + 6 <= n ? i + 6 : -1;
            }
            case 'c' -> {
                return i + 3 <= n ? i + 3 : -1;
            }
            case '0' -> {
                int j = i + 2;
                while (j < n && j < i + 5 && r.charAt(j) >= '0' && r.charAt(j) <= '7') {
                    j++;
                }
                return j;
            }
            case 'Q' -> {
                int q = r.indexOf("\\E", i + 2);
                return q < 0 ? n : q + 2;
            }
            case 'k' -> {
                int close = r.indexOf('>', i + 2);
                return close < 0 ? -1 : close + 1;
            }
            default -> {
                return i + 2;
            }
        }
    }

    /** The end (exclusive) of the bracket class starting at {@code i} (nested classes included), or -1. */
    private static int classEnd(String r, int i) {
        int depth = 0;
        int n = r.length();
        for (int j = i; j < n; j++) {
            char c = r.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                depth++;
                if (j + 1 < n && r.charAt(j + 1) == '^') {
                    j++;
                }
                if (j + 1 < n && r.charAt(j + 1) == ']') {
                    j++; // a ']' first in a class is literal
                }
            } else if (c == ']') {
                if (--depth == 0) {
                    return j + 1;
                }
            }
        }
        return -1;
    }

    private static boolean matchesNewline(String token) {
        try {
            return Pattern.compile(token).matcher("\n").find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static boolean noNewline(List<String> patterns) {
        for (String p : patterns) {
            if (p.indexOf('\n') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The pattern used to find candidates in pure-ASCII text and in multiline mode (exposed for diagnostics and tests). */
    public Pattern asciiPattern() {
        return ascii;
    }

    /** The pattern used on decoded Unicode text in multiline mode. */
    public Pattern unicodePattern() {
        return unicode;
    }

    /** The pattern matched against one pure-ASCII line (the region is the line, without its newline). */
    Pattern asciiLinePattern() {
        return asciiLine;
    }

    /** The pattern matched against one decoded line. */
    Pattern unicodeLinePattern() {
        return unicodeLine;
    }

    /** The prefilter in front of the regex, or null when none applies. */
    public Prefilter prefilter() {
        return prefilter;
    }

    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    public boolean multiline() {
        return multiline;
    }

    /**
     * True when a match may hold a newline, judged from the pattern's text (rg searches a
     * multiline pattern that cannot line by line). Errs on the side of true.
     */
    public boolean mayMatchNewline() {
        return mayMatchNewline;
    }

    /** True when a prefilter candidate is always a match (fixed strings without -w/-x). */
    public boolean prefilterIsExact() {
        return prefilterIsExact;
    }

    /** Fresh per-thread state. */
    public LineMatcherState newState() {
        return new LineMatcherState(this);
    }
}
