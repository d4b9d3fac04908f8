package dev.quiver.search.print;

/**
 * How results are shown. Built through {@link #builder}.
 *
 * @param mode          what is printed
 * @param heading       group lines under a path heading (terminal style)
 * @param color         ANSI colours
 * @param lineNumbers   print line numbers
 * @param withFilename  print the path on each line; null = automatic (unless one file is searched)
 * @param onlyMatching  print each match, not the line ({@code -o})
 * @param before        lines of context before a match
 * @param after         lines of context after a match
 * @param nullSeparator print NUL after paths
 * @param maxColumns    cut lines longer than this (0 = never)
 */
public record OutputOptions(Mode mode, boolean heading, boolean color, boolean lineNumbers, Boolean withFilename,
                            boolean onlyMatching, int before, int after, boolean nullSeparator, int maxColumns) {
    /** Matching lines with line numbers, no colour, no heading, the path when several files are searched. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OutputOptions}; the defaults are {@code quiver search}'s when piped. */
    public static final class Builder {
        private Mode mode = Mode.LINES;
        private boolean heading;
        private boolean color;
        private boolean lineNumbers = true;
        private Boolean withFilename;
        private boolean onlyMatching;
        private int before;
        private int after;
        private boolean nullSeparator;
        private int maxColumns;

        private Builder() {
        }

        public Builder mode(Mode m) {
            this.mode = m;
            return this;
        }

        public Builder heading(boolean h) {
            this.heading = h;
            return this;
        }

        public Builder color(boolean c) {
            this.color = c;
            return this;
        }

        public Builder lineNumbers(boolean n) {
            this.lineNumbers = n;
            return this;
        }

        /** Print the path on each line; null (the default) decides by the number of files searched. */
        public Builder withFilename(Boolean w) {
            this.withFilename = w;
            return this;
        }

        public Builder onlyMatching(boolean o) {
            this.onlyMatching = o;
            return this;
        }

        public Builder before(int n) {
            this.before = n;
            return this;
        }

        public Builder after(int n) {
            this.after = n;
            return this;
        }

        /** {@code -C}: as many lines before as after. */
        public Builder context(int n) {
            this.before = n;
            this.after = n;
            return this;
        }

        public Builder nullSeparator(boolean n) {
            this.nullSeparator = n;
            return this;
        }

        /** Cut lines longer than this many bytes; 0 never cuts. */
        public Builder maxColumns(int n) {
            this.maxColumns = n;
            return this;
        }

        public OutputOptions build() {
            return new OutputOptions(mode, heading, color, lineNumbers, withFilename, onlyMatching, before, after,
                    nullSeparator, maxColumns);
        }
    }

    /** What is printed. */
    public enum Mode {
        /** Matching lines (the default). */
        LINES,
        /** Paths of files with a match ({@code -l}). */
        FILES_WITH_MATCHES,
        /** Paths of searched files without a match. */
        FILES_WITHOUT_MATCH,
        /** Matching lines per file ({@code -c}). */
        COUNT,
        /** Matches per file ({@code --count-matches}). */
        COUNT_MATCHES,
        /** The files that would be searched, no search ({@code --files}). */
        FILES,
        /** ripgrep's JSON Lines. */
        JSON,
        /** Black Arrow's pipe mode: {@code path|line|match|stripped line|groups}. */
        PIPE,
        /** Nothing; only the exit code ({@code -q}). */
        QUIET
    }
}
