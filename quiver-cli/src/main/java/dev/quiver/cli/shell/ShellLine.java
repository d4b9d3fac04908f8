package dev.quiver.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * One shell command line split into words as a POSIX shell splits them, with only what Quiver
 * needs: blanks separate words; {@code '…'} keeps everything literally; {@code "…"} keeps
 * everything but {@code \"}, {@code \\}, {@code \$}, {@code \`} and a backslash-newline; a
 * backslash outside quotes keeps the next character; {@code #} at the start of a word starts a
 * comment. Nothing else is special: {@code ;}, {@code >}, {@code (}, {@code $} and {@code *} are
 * ordinary characters, so {@code Lcom/a/B;->foo(I)V} can be typed as it is, or quoted.
 *
 * <p>Besides the words, a parse records where the cursor is (which word, and where in it) and the
 * raw extent of that word, for completion.
 */
public final class ShellLine {
    private final List<String> words;
    private final int wordIndex;
    private final int wordCursor;
    private final int rawStart;
    private final int rawEnd;
    private final char openQuote;
    private final String problem;
    private final String line;
    private final int cursor;

    private ShellLine(String line, int cursor, List<String> words, int wordIndex, int wordCursor, int rawStart, int rawEnd,
                      char openQuote, String problem) {
        this.line = line;
        this.cursor = cursor;
        this.words = List.copyOf(words);
        this.wordIndex = wordIndex;
        this.wordCursor = wordCursor;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
        this.openQuote = openQuote;
        this.problem = problem;
    }

    /** Splits {@code line}; the cursor is at its end. */
    public static ShellLine parse(String line) {
        return parse(line, line.length());
    }

    /** Splits {@code line}, noting the word under {@code cursor} (0 ≤ cursor ≤ length). */
    public static ShellLine parse(String line, int cursor) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int start = -1;
        char quote = 0;
        char quoteAtWordStart = 0;
        int wordIndex = -1;
        int wordCursor = 0;
        int rawStart = cursor;
        int rawEnd = cursor;
        char cursorQuote = 0;
        String problem = null;
        boolean newWord = false;
        int i = 0;
        int n = line.length();
        while (i <= n) {
            if (i == cursor && wordIndex < 0) {
                if (inWord) {
                    wordIndex = words.size();
                    wordCursor = word.length();
                    rawStart = start;
                    cursorQuote = quoteAtWordStart;
                } else if (quote == 0) {
                    // between words: the cursor starts a new, empty word
                    newWord = true;
                    wordIndex = words.size();
                    wordCursor = 0;
                    rawStart = cursor;
                    rawEnd = cursor;
                }
            }
            if (i == n) {
                break;
            }
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                i++;
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                    i++;
                } else if (c == '\\' && i + 1 < n && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                    if (line.charAt(i + 1) != '\n') {
                        word.append(line.charAt(i + 1));
                    }
                    i += 2;
                } else if (c == '\\' && i + 1 == n) {
                    problem = "a line ending in a backslash";
                    i++;
                } else {
                    word.append(c);
                    i++;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    if (!newWord && wordIndex == words.size()) {
                        rawEnd = i;
                    }
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '#' && !inWord) {
                break; // a comment: the rest of the line is not part of the command
            }
            if (!inWord) {
                inWord = true;
                start = i;
                quoteAtWordStart = c == '\'' || c == '"' ? c : 0;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                i++;
            } else if (c == '\\') {
                if (i + 1 == n) {
                    problem = "a line ending in a backslash";
                    i++;
                } else {
                    if (line.charAt(i + 1) != '\n') {
                        word.append(line.charAt(i + 1));
                    }
                    i += 2;
                }
            } else {
                word.append(c);
                i++;
            }
        }
        if (quote != 0) {
            problem = "an unclosed " + (quote == '\'' ? "single" : "double") + " quote";
        }
        if (inWord) {
            if (!newWord && wordIndex == words.size()) {
                rawEnd = n;
            }
            words.add(word.toString());
        }
        if (newWord && wordIndex < words.size()) {
            words.add(wordIndex, ""); // the empty word being typed, between two others
        }
        if (wordIndex < 0) {
            // the cursor is inside an unclosed quote or a comment: complete nothing there
            wordIndex = words.size();
            rawStart = cursor;
            rawEnd = cursor;
        }
        return new ShellLine(line, cursor, words, wordIndex, wordCursor, rawStart, Math.max(rawEnd, cursor),
                cursorQuote, problem);
    }

    /**
     * The words, unquoted. With the cursor between two words (completion), an empty word stands
     * for the one being typed there.
     */
    public List<String> words() {
        return words;
    }

    /** True when the line ends inside quotes or with a backslash: it goes on on the next line. */
    public boolean incomplete() {
        return problem != null;
    }

    /** What makes the line incomplete ("an unclosed single quote"), or null. */
    public String problem() {
        return problem;
    }

    /** The index of the word under the cursor ({@code words().size()} for a new word). */
    public int wordIndex() {
        return wordIndex;
    }

    /** The word under the cursor, unquoted ("" for a new word). */
    public String word() {
        return wordIndex < words.size() ? words.get(wordIndex) : "";
    }

    /** Where the cursor is in {@link #word()}. */
    public int wordCursor() {
        return wordCursor;
    }

    /** The word under the cursor as typed, from its start to the cursor. */
    public int rawWordCursor() {
        return cursor - rawStart;
    }

    /** The length of the word under the cursor as typed. */
    public int rawWordLength() {
        return rawEnd - rawStart;
    }

    /** The quote that opened the word under the cursor ({@code '} or {@code "}), or 0. */
    public char openQuote() {
        return openQuote;
    }

    /** The line as typed. */
    public String line() {
        return line;
    }

    /** The cursor position in {@link #line()}. */
    public int cursor() {
        return cursor;
    }

    /**
     * {@code word} written so that this parser reads it back as it is, in the quoting the user
     * started the word with; {@code complete} closes an open quote.
     */
    public static String quote(String word, char openQuote, boolean complete) {
        StringBuilder sb = new StringBuilder();
        if (openQuote == '\'') {
            sb.append('\'').append(word.replace("'", "'\\''"));
            return complete ? sb.append('\'').toString() : sb.toString();
        }
        if (openQuote == '"') {
            sb.append('"');
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if ("\"\\$`".indexOf(c) >= 0) {
                    sb.append('\\');
                }
                sb.append(c);
            }
            return complete ? sb.append('"').toString() : sb.toString();
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '"' || c == '\\' || c == '#' && i == 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
