package dev.quiver.search.match;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * One worker's view of a {@link LineMatcher} over one buffer: the prefilter scanner, the regex
 * matchers, and the spans of the matches found on the current line. Not thread-safe.
 *
 * <p>The buffer is seen twice: as bytes, and as a Latin-1 {@link CharSequence} view with one char
 * per byte (no copy), so offsets are the same in both and the regex can run over ASCII text
 * without decoding. Lines
 * with other bytes are decoded from UTF-8 and matched with the Unicode pattern.
 */
public final class LineMatcherState {
    private final LineMatcher lm;
    private final Utf8Line utf8 = new Utf8Line();
    private final Matcher unicodeMatcher;
    private byte[] buf;
    private final Latin1View text = new Latin1View();
    private boolean asciiBuffer;
    private Prefilter.Scanner scanner;
    private final Matcher asciiMatcher;
    private final Matcher asciiLineMatcher;

    private final Spans spans = new Spans();

    // multiline state
    private Matcher multi;
    private boolean multiDecoded;
    private int multiStart;
    private int multiEnd;
    private byte[] multiReplacement;

    LineMatcherState(LineMatcher lm) {
        this.lm = lm;
        this.unicodeMatcher = lm.unicodeLinePattern().matcher("");
        this.asciiMatcher = lm.asciiPattern().matcher("");
        this.asciiLineMatcher = lm.asciiLinePattern().matcher("");
    }

    /**
     * Points this state at a new buffer region {@code [from, to)} of {@code buf[0, to)}. Whether
     * the region is pure ASCII is only worked out when there is no prefilter (with one, candidate
     * lines are checked one by one).
     */
    public void reset(byte[] buf, int from, int to) {
        this.buf = buf;
        this.text.reset(buf, to);
        this.scanner = lm.prefilter() == null ? null : lm.prefilter().scanner(buf, to);
        this.asciiBuffer = scanner == null && Bytes.isAscii(buf, from, to);
        this.asciiMatcher.reset(text);
        this.asciiLineMatcher.reset(text);
        this.multi = null;
    }

    /** True when this search has a prefilter (a candidate is then only a hint). */
    public boolean hasPrefilter() {
        return scanner != null;
    }

    /**
     * A position in {@code [from, to)} where a match may start or lie, or -1 when there is none.
     * Without a prefilter on non-ASCII text, or for a pattern whose buffer search could miss a
     * line's match ({@link LineMatcher#bufferSearch()}), it returns {@code from}: every line is a
     * candidate.
     */
    public int nextCandidate(int from, int to) {
        if (scanner != null) {
            return scanner.next(from, to);
        }
        if (asciiBuffer && lm.bufferSearch()) {
            asciiMatcher.region(from, to);
            return asciiMatcher.find() ? asciiMatcher.start() : -1;
        }
        return from < to ? from : -1;
    }

    /**
     * True when the line {@code [ls, le)} (without its newline) matches. Only called on lines
     * that hold a candidate from {@link #nextCandidate}.
     */
    public boolean lineMatches(int ls, int le) {
        if (scanner != null && lm.prefilterIsExact()) {
            return true;
        }
        if (asciiBuffer || Bytes.isAscii(buf, ls, le)) {
            asciiLineMatcher.region(ls, le);
            return asciiLineMatcher.find();
        }
        utf8.decode(buf, ls, le);
        unicodeMatcher.reset(utf8);
        return unicodeMatcher.find();
    }

    /** Finds every match on the line {@code [ls, le)} and returns them in buffer offsets. */
    public Spans findAll(int ls, int le, Replacement replacement) {
        spans.clear();
        if (asciiBuffer || Bytes.isAscii(buf, ls, le)) {
            asciiLineMatcher.region(ls, le);
            while (asciiLineMatcher.find()) {
                spans.add(asciiLineMatcher.start(), asciiLineMatcher.end(),
                        replacement == null ? null : bytes(replacement.expand(asciiLineMatcher)));
            }
        } else {
            utf8.decode(buf, ls, le);
            unicodeMatcher.reset(utf8);
            while (unicodeMatcher.find()) {
                spans.add(utf8.byteOffset(unicodeMatcher.start()), utf8.byteOffset(unicodeMatcher.end()),
                        replacement == null ? null : bytes(replacement.expand(unicodeMatcher)));
            }
        }
        return spans;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- multiline ------------------------------------------------------------------------

    /** Quick test for multiline search: false when the prefilter proves there is no match in the buffer. */
    public boolean mayMatch(int from, int to) {
        return scanner == null || scanner.next(from, to) >= 0;
    }

    /**
     * Finds the next match over the whole buffer {@code [0, to)} (multiline mode). Matches are
     * returned in order; afterwards {@link #matchStart()}/{@link #matchEnd()} hold byte offsets.
     */
    public boolean nextMultilineMatch(int from, int to, Replacement replacement) {
        if (multi == null) {
            if (asciiBuffer) {
                multi = lm.asciiPattern().matcher(text);
                multi.region(from, to);
                multiDecoded = false;
            } else {
                utf8.decode(buf, from, to);
                multi = lm.unicodePattern().matcher(utf8);
                multiDecoded = true;
            }
        }
        if (!multi.find()) {
            return false;
        }
        multiStart = multiDecoded ? utf8.byteOffset(multi.start()) : multi.start();
        multiEnd = multiDecoded ? utf8.byteOffset(multi.end()) : multi.end();
        multiReplacement = replacement == null ? null : bytes(replacement.expand(multi));
        return true;
    }

    public int matchStart() {
        return multiStart;
    }

    public int matchEnd() {
        return multiEnd;
    }

    public byte[] matchReplacement() {
        return multiReplacement;
    }

    /** The groups of the last line match, for Black Arrow's pipe mode: group 1..n of the first match. */
    public String[] firstMatchGroups(int ls, int le) {
        Matcher m;
        if (asciiBuffer || Bytes.isAscii(buf, ls, le)) {
            m = asciiLineMatcher;
            m.region(ls, le);
        } else {
            utf8.decode(buf, ls, le);
            m = unicodeMatcher.reset(utf8);
        }
        if (!m.find()) {
            return new String[0];
        }
        String[] groups = new String[m.groupCount()];
        for (int g = 1; g <= m.groupCount(); g++) {
            String v = m.group(g);
            groups[g - 1] = v == null ? "" : v;
        }
        return groups;
    }
}
