package dev.quiver.core.smali;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over the lines of one smali text and the tokens, operands and literals on the current line; it
 * holds no parse state and reports nothing, so one instance serves a whole file and reading a line allocates
 * only the strings its caller asks for.
 */
final class SmaliLine {
    /** Longest piece of a line quoted in a message. */
    private static final int SNIPPET = 120;

    private final String text; // the whole file: a line is a range of it, never a copy
    private int next;          // where the next line starts
    private int number;        // of the current line, from 1
    private int pos;           // the cursor within the current line
    private int end;           // end of the current line (exclusive, without \r; cutComment moves it)
    private String error;      // why the last stringLiteral() returned null

    SmaliLine(String text) {
        this.text = text;
        this.next = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /** Moves to the next line (LF or CRLF; a leading byte order mark is not part of line 1); false at the end. */
    boolean next() {
        int n = text.length();
        if (next >= n) {
            return false;
        }
        int nl = text.indexOf('\n', next);
        int lineEnd = nl < 0 ? n : nl;
        if (lineEnd > next && text.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        number++;
        pos = next;
        end = lineEnd;
        next = nl < 0 ? n : nl + 1;
        return true;
    }

    /** The current line's number (1 for the first); after the last line, the number of lines. */
    int number() {
        return number;
    }

    /** The cursor, to quote the line from there later ({@link #snippetFrom}). */
    int pos() {
        return pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** The character at the cursor; only when not {@link #atEnd}. */
    char peek() {
        return text.charAt(pos);
    }

    /** Moves past {@code c} if the cursor is on it. */
    boolean skip(char c) {
        if (pos < end && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Moves the cursor to the next {@code c} on this line; false (cursor unmoved) if there is none. */
    boolean skipTo(char c) {
        int at = text.indexOf(c, pos);
        if (at < 0 || at >= end) {
            return false;
        }
        pos = at;
        return true;
    }

    void skipSpace() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t') {
                break;
            }
            pos++;
        }
    }

    /** The next whitespace-delimited token (may be empty at end of line); `quoted names` stay whole. */
    String token() {
        skipSpace();
        int s = pos;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '`') {
                pos = ValueText.endOfQuoted(text, pos, end);
                continue;
            }
            if (c == ' ' || c == '\t') {
                break;
            }
            pos++;
        }
        return text.substring(s, pos);
    }

    /** All tokens left on the line. */
    List<String> tokens() {
        List<String> out = new ArrayList<>(4);
        while (true) {
            String t = token();
            if (t.isEmpty()) {
                return out;
            }
            out.add(t);
        }
    }

    /** Whether the rest of the line starts with {@code s}. */
    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    /** Whether the rest of the line starts with the whole token {@code t} (then a space, a tab or the end). */
    boolean startsWithToken(String t) {
        if (!text.startsWith(t, pos)) {
            return false;
        }
        int after = pos + t.length();
        return after >= end || text.charAt(after) == ' ' || text.charAt(after) == '\t';
    }

    /** Whether the rest of the line starts with the tokens {@code first second} ({@code .end method}). */
    boolean startsWithTokens(String first, String second) {
        if (!startsWithToken(first)) {
            return false;
        }
        int save = pos;
        pos += first.length();
        skipSpace();
        boolean both = startsWithToken(second);
        pos = save;
        return both;
    }

    /** Whether {@code s} occurs in the rest of the line. */
    boolean contains(String s) {
        int at = text.indexOf(s, pos);
        return at >= 0 && at < end;
    }

    /** The rest of the line after spaces. */
    String rest() {
        skipSpace();
        return text.substring(pos, end);
    }

    /** The text after the last comma of the line (the reference operand of an instruction). */
    String lastOperand() {
        int comma = text.lastIndexOf(',', end - 1);
        int from = comma >= pos ? comma + 1 : pos;
        return text.substring(from, end).strip();
    }

    /**
     * The registers of the {@code {…}} list at the cursor, trimmed, moving past the list and the comma after
     * it; null if there is no list.
     */
    String registerList() {
        skipSpace();
        int open = pos;
        int close = open < end && text.charAt(open) == '{' ? text.indexOf('}', open) : -1;
        if (close < 0 || close >= end) {
            return null;
        }
        String regs = text.substring(open + 1, close).strip();
        pos = close + 1;
        skipSpace();
        skip(',');
        skipSpace();
        return regs;
    }

    /** Whether the rest of the line holds a '#' at all (then it may end in a comment). */
    boolean hasComment() {
        for (int i = pos; i < end; i++) {
            if (text.charAt(i) == '#') {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends the line at a {@code #} comment outside string and char literals
     * ({@code invoke-virtual {p0}, LA;->run()V  # note}). Only called for lines whose operands
     * are kept, so the other lines cost nothing. `Quoted` names need no skipping: DEX names never hold
     * {@code #} or quotes.
     */
    void cutComment() {
        for (int i = pos; i < end; ) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = ValueText.endOfQuoted(text, i, end);
                continue;
            }
            if (ch == '#') {
                int e = i;
                while (e > pos && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
                    e--;
                }
                end = e;
                return;
            }
            i++;
        }
    }

    /**
     * The smali string literal whose opening quote is at the cursor, unescaped, moving past it; null if it
     * is not valid, and then {@link #error} says why.
     */
    String stringLiteral() {
        int start = pos;
        StringBuilder sb = null;
        int i = pos + 1;
        int runStart = i;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                if (sb == null) {
                    return text.substring(runStart, i);
                }
                sb.append(text, runStart, i);
                return sb.toString();
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder(end - start);
                }
                sb.append(text, runStart, i);
                if (i + 1 >= end) {
                    break;
                }
                char e = text.charAt(i + 1);
                i += 2;
                int simple = SmaliStrings.simpleEscape(e);
                if (simple >= 0) {
                    sb.append((char) simple);
                } else if (e == 'u') {
                    if (i + 4 > end) {
                        return fail("truncated \\u escape in string: ", start);
                    }
                    int cp = hex4(i);
                    if (cp < 0) {
                        return fail("invalid \\u escape in string: ", start);
                    }
                    sb.append((char) cp);
                    i += 4;
                } else {
                    return fail("invalid escape \\" + e + " in string: ", start);
                }
                runStart = i;
                continue;
            }
            i++;
        }
        return fail("unterminated string literal: ", start);
    }

    /** Why the last {@link #stringLiteral} returned null, with the literal quoted. */
    String error() {
        return error;
    }

    private String fail(String why, int literalStart) {
        error = why + snippetFrom(literalStart);
        return null;
    }

    private int hex4(int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(text.charAt(at + k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The line from the cursor, for messages. */
    String snippet() {
        return snippetFrom(pos);
    }

    /** The whole line, trimmed, for messages. */
    String snippetLine() {
        int s = text.lastIndexOf('\n', end - 1) + 1;
        return snippetFrom(s).strip();
    }

    /** At most {@value #SNIPPET} characters of the line from {@code from}, for messages. */
    String snippetFrom(int from) {
        int e = Math.min(end, from + SNIPPET);
        return text.substring(from, e) + (e < end ? "…" : "");
    }
}
