package dev.quiver.cli.query;

import dev.quiver.core.query.NamePattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How filter values are matched (see {@link NamePattern}): by default a value with {@code *} or
 * {@code ?} is a glob and any other value a substring; {@code --exact}, {@code --regex} or
 * {@code --match} choose one mode for every filter of the command; {@code -i} ignores case.
 */
public final class MatchOptions {
    @Option(names = {"-i", "--ignore-case"}, description = "Match filters ignoring case (Unicode case folding).")
    boolean ignoreCase;

    @Option(names = {"-e", "--exact"}, description = "Filters match whole values exactly (fast: uses the indexes).")
    boolean exact;

    @Option(names = {"-r", "--regex"}, description = "Filters are Java regular expressions, found anywhere in the value.")
    boolean regex;

    @Option(names = "--match", paramLabel = "MODE",
            description = "exact, substring, glob or regex for every filter (default: glob if the value has * or ?, "
                    + "else substring).")
    String match;

    /** Whether {@code -i} was given. */
    public boolean ignoreCase() {
        return ignoreCase;
    }

    /** The mode chosen, or null for the default reading of each value. */
    public NamePattern.Mode mode(picocli.CommandLine cl) {
        int n = (exact ? 1 : 0) + (regex ? 1 : 0) + (match != null ? 1 : 0);
        if (n > 1) {
            throw new ParameterException(cl, "choose one of --exact, --regex and --match");
        }
        if (exact) {
            return NamePattern.Mode.EXACT;
        }
        if (regex) {
            return NamePattern.Mode.REGEX;
        }
        if (match != null) {
            NamePattern.Mode m = NamePattern.Mode.parse(match);
            if (m == null) {
                throw new ParameterException(cl, "bad --match '" + match + "' (expected exact, substring, glob or regex)");
            }
            return m;
        }
        return null;
    }

    /** The pattern for one filter value. */
    NamePattern pattern(String value, picocli.CommandLine cl) {
        NamePattern.Mode m = mode(cl);
        return m == null ? NamePattern.auto(value, ignoreCase) : new NamePattern(m, value, ignoreCase);
    }
}
