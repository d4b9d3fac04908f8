package dev.quiver.search;

import dev.quiver.search.match.MatchOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one search needs, immutable. Built by a front end (the CLI) after validation.
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

    /**
     * Which files are searched.
     *
     * @param hidden       include hidden files and directories
     * @param noIgnore     do not read {@code .gitignore}/{@code .ignore}
     * @param globs        ripgrep-style globs; {@code !} excludes
     * @param types        file types to include (names from {@link dev.quiver.search.walk.FileTypes})
     * @param typesNot     file types to exclude
     * @param ignoreRegexes Black Arrow's {@code --ignore}: a path (relative to its root) matching any is skipped
     * @param nameRegexes  Black Arrow's {@code --name}: only files whose name matches one are searched
     * @param maxDepth     how deep below each root; -1 for no limit
     * @param follow       follow symbolic links
     */
    public record WalkOptions(boolean hidden, boolean noIgnore, List<String> globs, List<String> types,
                              List<String> typesNot, List<String> ignoreRegexes, List<String> nameRegexes,
                              int maxDepth, boolean follow) {
        public WalkOptions {
            globs = List.copyOf(globs);
            types = List.copyOf(types);
            typesNot = List.copyOf(typesNot);
            ignoreRegexes = List.copyOf(ignoreRegexes);
            nameRegexes = List.copyOf(nameRegexes);
        }

        public static WalkOptions defaults() {
            return new WalkOptions(false, false, List.of(), List.of(), List.of(), List.of(), List.of(), -1, false);
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

    /**
     * How results are shown.
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
        public static OutputOptions plain() {
            return new OutputOptions(Mode.LINES, false, false, true, null, false, 0, 0, false, 0);
        }
    }
}
