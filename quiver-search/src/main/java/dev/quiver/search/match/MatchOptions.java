package dev.quiver.search.match;

import java.util.List;

/**
 * What to match: the patterns (any of them), and how.
 *
 * @param patterns     one or more patterns; a line matches if any of them matches
 * @param fixedStrings patterns are literal strings, not regexes
 * @param caseMode     case sensitivity
 * @param word         a match must not touch a word character on either side
 * @param lineRegexp   a match must cover the whole line
 * @param multiline    matches may span lines ({@code -U})
 */
public record MatchOptions(List<String> patterns, boolean fixedStrings, CaseMode caseMode,
                           boolean word, boolean lineRegexp, boolean multiline) {
    public MatchOptions {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no pattern given");
        }
    }

    /** Case sensitivity of the search. */
    public enum CaseMode {
        SENSITIVE, INSENSITIVE,
        /** Insensitive unless a literal character of the pattern is upper case. */
        SMART
    }
}
