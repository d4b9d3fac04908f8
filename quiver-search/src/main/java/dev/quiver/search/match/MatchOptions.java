package dev.quiver.search.match;

import java.util.ArrayList;
import java.util.List;

/**
 * What to match: the patterns (any of them), and how. Built through {@link #builder}.
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

    /** Case-sensitive regexes, matching anywhere on one line, unless set otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MatchOptions}; {@link #pattern} adds one pattern ({@code -e}). */
    public static final class Builder {
        private final List<String> patterns = new ArrayList<>();
        private boolean fixedStrings;
        private CaseMode caseMode = CaseMode.SENSITIVE;
        private boolean word;
        private boolean lineRegexp;
        private boolean multiline;

        private Builder() {
        }

        public Builder pattern(String p) {
            patterns.add(p);
            return this;
        }

        public Builder patterns(List<String> p) {
            patterns.addAll(p);
            return this;
        }

        public Builder fixedStrings(boolean f) {
            this.fixedStrings = f;
            return this;
        }

        public Builder caseMode(CaseMode c) {
            this.caseMode = c;
            return this;
        }

        public Builder word(boolean w) {
            this.word = w;
            return this;
        }

        public Builder lineRegexp(boolean x) {
            this.lineRegexp = x;
            return this;
        }

        public Builder multiline(boolean u) {
            this.multiline = u;
            return this;
        }

        /** @throws IllegalArgumentException when no pattern was given */
        public MatchOptions build() {
            return new MatchOptions(patterns, fixedStrings, caseMode, word, lineRegexp, multiline);
        }
    }

    /** Case sensitivity of the search. */
    public enum CaseMode {
        SENSITIVE, INSENSITIVE,
        /** Insensitive unless a literal character of the pattern is upper case. */
        SMART
    }
}
