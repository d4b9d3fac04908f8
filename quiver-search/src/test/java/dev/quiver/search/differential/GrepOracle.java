package dev.quiver.search.differential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain reading of a search that the differential test holds Quiver's engine to: every line is
 * decoded and matched by {@code java.util.regex} on its own, with no prefilter, no byte view, no
 * buffer and no ASCII shortcut. Quiver must print exactly what this prints. The rules:
 *
 * <ul>
 *   <li><b>Lines</b>: the text is cut at each {@code \n}; a final {@code \n} ends the last line
 *       (no empty line follows it). {@code \r} is an ordinary character, so a CRLF line ends with
 *       {@code \r}. What is printed is always the original bytes.</li>
 *   <li><b>Invalid UTF-8</b>: each byte that does not start a well-formed sequence (Unicode
 *       table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF; a truncated sequence
 *       counts as its first byte alone) is one U+FFFD of its own, so {@code .} matches it and
 *       {@code \w} does not.</li>
 *   <li><b>Regex</b>: each pattern must compile on its own; one that ends inside a {@code \Q} quote
 *       or a {@code (?x)} comment is closed before it is wrapped. The pattern ({@code -F}: quoted;
 *       several: {@code (?:p1)|(?:p2)}), compiled with
 *       {@code UNIX_LINES | UNICODE_CASE | UNICODE_CHARACTER_CLASS} (Quiver's Unicode pattern; also
 *       on pure-ASCII lines, where Quiver's faster ASCII pattern must agree), plus
 *       {@code CASE_INSENSITIVE} for {@code -i}.</li>
 *   <li>A line <b>matches</b> when {@code find()} succeeds on it. {@code -x}: when {@code matches()}
 *       does. {@code -w}: a match of {@code (?<!\w)(?:P)(?!\w)}, one that touches no word character
 *       on either side. {@code -v}: the lines that do not match.</li>
 *   <li><b>Printed</b>: {@code N:line} per matching line; {@code -o}: {@code N:match} per non-empty
 *       match, leftmost first and non-overlapping as {@code find()} gives them ({@code -o -v}: the
 *       inverted lines whole); {@code -c}: the number of matching lines, if any; {@code -c -o}: the
 *       number of matches, empty ones included ({@code -v}: of inverted lines).</li>
 *   <li><b>{@code -U}</b>: the whole text is decoded and matched at once, {@code MULTILINE} added
 *       ({@code -x}: {@code ^(?:P)$}). A match covers the lines from the one holding its first byte
 *       to the one holding its last (an empty match, its own line); an empty match at the end of a
 *       text that is empty or ends with {@code \n} is dropped (no line is there). Matches that share
 *       a line form one block, printed line by line; {@code -o} prints each non-empty match as
 *       {@code N:match} with N its first line (the match may hold newlines); {@code -v} prints the
 *       lines no match covers; {@code -c} counts matches when the pattern may match a newline and
 *       lines otherwise (rg 13's rule; whether it may is the engine's answer, which must be true
 *       whenever a match here holds a newline).</li>
 * </ul>
 */
final class GrepOracle {
    /** What the oracle prints, whether anything matched, and whether some match held a newline. */
    record Result(byte[] output, boolean matched, boolean newlineInMatch) {
    }

    /** Thrown when a match takes longer than its budget (a pathological backtracking case). */
    static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("regex too slow", null, false, false);
        }
    }

    private GrepOracle() {
    }

    /** The regex the case means, before its flags: quoting, joining and {@code -w}. */
    static String regex(SearchCase c) {
        List<String> parts = new ArrayList<>();
        for (String p : c.patterns()) {
            parts.add(closed(c.has(Option.FIXED) ? Pattern.quote(p) : p, flags(c)));
        }
        String core = parts.size() == 1 ? parts.get(0) : "(?:" + String.join(")|(?:", parts) + ")";
        if (c.has(Option.WORD)) {
            core = "(?<!\\w)(?:" + core + ")(?!\\w)";
        }
        return core;
    }

    /**
     * {@code p}, which must compile on its own, made safe to wrap: a pattern that ends inside a
     * {@code \Q} quote or a {@code (?x)} comment (which may itself hold a {@code \Q}) would swallow
     * a closing parenthesis, so the quote's {@code \E} and/or the comment's newline is added
     * (found by trying, not by reading the pattern).
     */
    static String closed(String p, int flags) {
        Pattern.compile(p, flags);
        for (String end : new String[] {"", "\\E", "\n", "\\E\n"}) {
            try {
                Pattern.compile("(?:" + p + end + ")", flags);
                return p + end;
            } catch (java.util.regex.PatternSyntaxException e) {
                // try the next ending
            }
        }
        return p;
    }

    static int flags(SearchCase c) {
        int f = Pattern.UNIX_LINES | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
        return c.has(Option.IGNORE_CASE) ? f | Pattern.CASE_INSENSITIVE : f;
    }

    /**
     * Runs the case. {@code mayMatchNewline} is the engine's answer for the {@code -U -c} rule;
     * {@code budgetNanos} bounds the regex work.
     *
     * @throws java.util.regex.PatternSyntaxException when the pattern is invalid
     * @throws TooSlow when the regex needs more than the budget
     */
    static Result run(SearchCase c, boolean mayMatchNewline, long budgetNanos) {
        long deadline = System.nanoTime() + budgetNanos;
        return c.has(Option.MULTILINE) ? multiline(c, mayMatchNewline, deadline) : byLine(c, deadline);
    }

    private static Result byLine(SearchCase c, long deadline) {
        Pattern p = Pattern.compile(regex(c), flags(c));
        byte[] t = c.text();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lines = 0;
        long matches = 0;
        int number = 0;
        for (int[] line : lines(t)) {
            number++;
            Decoded d = Decoded.of(t, line[0], line[1]);
            Matcher m = p.matcher(new Timed(d.text, deadline));
            boolean hit = c.has(Option.LINE) ? m.matches() : m.find();
            if (hit == c.has(Option.INVERT)) {
                continue;
            }
            lines++;
            if (c.has(Option.INVERT)) {
                matches++;
                print(out, c, number, t, line[0], line[1]);
                continue;
            }
            // every match of the line, in find() order (with -x the one whole-line match)
            List<int[]> spans = new ArrayList<>();
            if (c.has(Option.LINE)) {
                spans.add(new int[] {d.byteAt[m.start()], d.byteAt[m.end()]});
            } else {
                m.reset();
                while (m.find()) {
                    spans.add(new int[] {d.byteAt[m.start()], d.byteAt[m.end()]});
                }
            }
            matches += spans.size();
            if (c.has(Option.ONLY_MATCHING)) {
                for (int[] s : spans) {
                    if (s[1] > s[0]) {
                        print(out, c, number, t, s[0], s[1]);
                    }
                }
            } else {
                print(out, c, number, t, line[0], line[1]);
            }
        }
        return finish(c, out, lines, matches, lines, false);
    }

    private static Result multiline(SearchCase c, boolean mayMatchNewline, long deadline) {
        String regex = regex(c);
        if (c.has(Option.LINE)) {
            regex = "^(?:" + regex + ")$";
        }
        Pattern p = Pattern.compile(regex, flags(c) | Pattern.MULTILINE);
        byte[] t = c.text();
        List<int[]> lines = lines(t);
        Decoded d = Decoded.of(t, 0, t.length);
        Matcher m = p.matcher(new Timed(d.text, deadline));
        List<int[]> found = new ArrayList<>();
        boolean newline = false;
        while (m.find()) {
            int s = d.byteAt[m.start()];
            int e = d.byteAt[m.end()];
            if (s == t.length && (t.length == 0 || t[t.length - 1] == '\n')) {
                break; // an empty match where no line is
            }
            found.add(new int[] {s, e});
            for (int k = s; k < e; k++) {
                newline |= t[k] == '\n';
            }
        }
        // blocks of lines: [first line, last line, first match, end match)
        List<int[]> blocks = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            int[] f = found.get(k);
            int first = lineOf(lines, f[0]);
            int last = lineOf(lines, f[1] > f[0] ? f[1] - 1 : f[0]);
            int[] b = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (b != null && first <= b[1]) {
                b[1] = Math.max(b[1], last);
                b[3] = k + 1;
            } else {
                blocks.add(new int[] {first, last, k, k + 1});
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] covered = new boolean[lines.size()];
        long matchedLines = 0;
        for (int[] b : blocks) {
            for (int n = b[0]; n <= b[1]; n++) {
                covered[n] = true;
            }
            matchedLines += b[1] - b[0] + 1;
        }
        if (c.has(Option.INVERT)) {
            long inverted = 0;
            for (int n = 0; n < lines.size(); n++) {
                if (!covered[n]) {
                    inverted++;
                    print(out, c, n + 1, t, lines.get(n)[0], lines.get(n)[1]);
                }
            }
            return finish(c, out, inverted, inverted, inverted, newline);
        }
        for (int[] b : blocks) {
            if (c.has(Option.ONLY_MATCHING)) {
                for (int k = b[2]; k < b[3]; k++) {
                    int[] f = found.get(k);
                    if (f[1] > f[0]) {
                        print(out, c, lineOf(lines, f[0]) + 1, t, f[0], f[1]);
                    }
                }
            } else {
                for (int n = b[0]; n <= b[1]; n++) {
                    print(out, c, n + 1, t, lines.get(n)[0], lines.get(n)[1]);
                }
            }
        }
        long counted = mayMatchNewline ? found.size() : matchedLines;
        return finish(c, out, matchedLines, found.size(), counted, newline);
    }

    private static Result finish(SearchCase c, ByteArrayOutputStream out, long lines, long matches, long counted,
                                 boolean newline) {
        if (c.has(Option.COUNT)) {
            out.reset();
            long n = c.has(Option.ONLY_MATCHING) ? matches : counted;
            if (n > 0) {
                out.writeBytes((n + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new Result(out.toByteArray(), lines > 0, newline);
    }

    private static void print(ByteArrayOutputStream out, SearchCase c, int number, byte[] t, int from, int to) {
        out.writeBytes((number + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(t, from, to - from);
        out.write('\n');
    }

    /** The lines of {@code t} as [start, end) without their {@code \n}. */
    static List<int[]> lines(byte[] t) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < t.length) {
            lines.add(new int[] {start, t.length});
        }
        return lines;
    }

    private static int lineOf(List<int[]> lines, int offset) {
        for (int n = 0; n < lines.size(); n++) {
            if (offset <= lines.get(n)[1]) {
                return n;
            }
        }
        return lines.size() - 1;
    }

    /** Bytes decoded by the rule above, with the byte offset of every char (and of the end). */
    static final class Decoded {
        final String text;
        /** {@code byteAt[i]}: where char i came from; both halves of a surrogate pair give the character's first byte. */
        final int[] byteAt;

        private Decoded(String text, int[] byteAt) {
            this.text = text;
            this.byteAt = byteAt;
        }

        static Decoded of(byte[] b, int from, int to) {
            StringBuilder sb = new StringBuilder();
            int[] at = new int[2 * (to - from) + 1];
            int i = from;
            while (i < to) {
                int n = wellFormed(b, i, to);
                String s = n == 0 ? "\uFFFD" : new String(b, i, n, StandardCharsets.UTF_8);
                for (int k = 0; k < s.length(); k++) {
                    at[sb.length()] = i;
                    sb.append(s.charAt(k));
                }
                i += Math.max(n, 1);
            }
            at[sb.length()] = to;
            return new Decoded(sb.toString(), java.util.Arrays.copyOf(at, sb.length() + 1));
        }

        /** The length of the well-formed UTF-8 sequence at {@code i} (Unicode table 3-7), or 0. */
        static int wellFormed(byte[] b, int i, int to) {
            int b0 = b[i] & 0xff;
            if (b0 < 0x80) {
                return 1;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                n = 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                n = 3;
                lo = b0 == 0xE0 ? 0xA0 : 0x80;
                hi = b0 == 0xED ? 0x9F : 0xBF;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                n = 4;
                lo = b0 == 0xF0 ? 0x90 : 0x80;
                hi = b0 == 0xF4 ? 0x8F : 0xBF;
            } else {
                return 0;
            }
            if (i + n > to) {
                return 0;
            }
            int b1 = b[i + 1] & 0xff;
            if (b1 < lo || b1 > hi) {
                return 0;
            }
            for (int k = 2; k < n; k++) {
                int bk = b[i + k] & 0xff;
                if (bk < 0x80 || bk > 0xBF) {
                    return 0;
                }
            }
            return n;
        }
    }

    /** A string that throws {@link TooSlow} once the deadline has passed (checked now and then). */
    private static final class Timed implements CharSequence {
        private final String s;
        private final long deadline;
        private int reads;

        Timed(String s, long deadline) {
            this.s = s;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xfff) == 0 && System.nanoTime() > deadline) {
                throw new TooSlow();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
