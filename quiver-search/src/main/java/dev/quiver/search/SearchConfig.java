package dev.quiver.search;

import dev.quiver.search.match.MatchOptions;
import dev.quiver.search.print.OutputOptions;
import dev.quiver.search.walk.WalkOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one search needs, immutable. Built by a front end (the CLI) after validation,
 * through {@link #builder}.
 *
 * @param match           what to match
 * @param paths           roots to search; files or directories ({@code -} is standard input)
 * @param invert          print the lines that do not match ({@code -v})
 * @param maxCount        stop a file after this many matching lines; -1 for no limit
 * @param walk            which files are searched
 * @param output          how results are shown
 * @param replacement     replacement template ({@code -r}), or null
 * @param write           rewrite files with the replacement ({@code --write})
 * @param dryRun          show a unified diff of what {@code --write} would do, write nothing
 * @param searchBinary    search binary files as text ({@code -a})
 * @param threads         worker threads (at least 1)
 * @param sortByPath      stable output order, still searched in parallel
 * @param stats           print the summary block
 */
public record SearchConfig(MatchOptions match, List<Path> paths, boolean invert, long maxCount,
                           WalkOptions walk, OutputOptions output, String replacement, boolean write,
                           boolean dryRun, boolean searchBinary, int threads, boolean sortByPath,
                           boolean stats) {
    public SearchConfig {
        paths = List.copyOf(paths);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** A search for {@code match}: the current directory, one thread, plain output, unless set otherwise. */
    public static Builder builder(MatchOptions match) {
        return new Builder(match);
    }

    /** Builds a {@link SearchConfig}; every option has the default of {@code quiver search} without flags. */
    public static final class Builder {
        private MatchOptions match;
        private final List<Path> paths = new ArrayList<>();
        private boolean invert;
        private long maxCount = -1;
        private WalkOptions walk = WalkOptions.builder().build();
        private OutputOptions output = OutputOptions.builder().build();
        private String replacement;
        private boolean write;
        private boolean dryRun;
        private boolean searchBinary;
        private int threads = 1;
        private boolean sortByPath;
        private boolean stats;

        private Builder(MatchOptions match) {
            this.match = match;
        }

        public Builder match(MatchOptions m) {
            this.match = m;
            return this;
        }

        /** Adds roots to search (none: the current directory). */
        public Builder paths(List<Path> p) {
            paths.addAll(p);
            return this;
        }

        public Builder path(Path p) {
            paths.add(p);
            return this;
        }

        public Builder invert(boolean v) {
            this.invert = v;
            return this;
        }

        /** Matching lines per file before it stops; -1 for no limit. */
        public Builder maxCount(long n) {
            this.maxCount = n;
            return this;
        }

        public Builder walk(WalkOptions w) {
            this.walk = w;
            return this;
        }

        public Builder output(OutputOptions o) {
            this.output = o;
            return this;
        }

        /** The replacement template ({@code -r}), or null for none. */
        public Builder replacement(String r) {
            this.replacement = r;
            return this;
        }

        public Builder write(boolean w) {
            this.write = w;
            return this;
        }

        public Builder dryRun(boolean d) {
            this.dryRun = d;
            return this;
        }

        public Builder searchBinary(boolean b) {
            this.searchBinary = b;
            return this;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        public Builder sortByPath(boolean s) {
            this.sortByPath = s;
            return this;
        }

        public Builder stats(boolean s) {
            this.stats = s;
            return this;
        }

        public SearchConfig build() {
            return new SearchConfig(match, paths, invert, maxCount, walk, output, replacement, write, dryRun,
                    searchBinary, threads, sortByPath, stats);
        }
    }
}
