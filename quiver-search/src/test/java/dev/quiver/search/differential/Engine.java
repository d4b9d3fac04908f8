package dev.quiver.search.differential;

import dev.quiver.search.ListReporter;
import dev.quiver.search.Search;
import dev.quiver.search.SearchConfig;
import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.print.OutputOptions;
import dev.quiver.search.SearchResult;
import dev.quiver.search.match.LineMatcher;
import dev.quiver.search.match.MatchOptions;
import dev.quiver.search.match.MatchOptions.CaseMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a case through Quiver's engine in-process, as {@code quiver search -n --no-filename -j1} would. */
final class Engine {
    /** What the engine printed, whether it matched, and its reported problems. */
    record Result(byte[] output, boolean matched, List<String> errors) {
    }

    private final Path file;
    private byte[] written;

    /** {@code file}: where each case's text is written to be searched. */
    Engine(Path file) {
        this.file = file;
    }

    static MatchOptions matchOptions(SearchCase c) {
        return MatchOptions.builder().patterns(c.patterns()).fixedStrings(c.has(Option.FIXED))
                .caseMode(c.has(Option.IGNORE_CASE) ? CaseMode.INSENSITIVE : CaseMode.SENSITIVE)
                .word(c.has(Option.WORD)).lineRegexp(c.has(Option.LINE)).multiline(c.has(Option.MULTILINE)).build();
    }

    /** The engine's answer to "may a match of this pattern hold a newline" (rg 13's -U -c rule). */
    static boolean mayMatchNewline(SearchCase c) {
        return LineMatcher.compile(matchOptions(c)).mayMatchNewline();
    }

    /**
     * Searches the case's text.
     *
     * @throws java.util.regex.PatternSyntaxException when the engine rejects the pattern
     */
    Result run(SearchCase c) throws IOException, InterruptedException {
        if (!java.util.Arrays.equals(c.text(), written)) {
            Files.write(file, c.text()); // once per text, not once per option set
            written = c.text();
        }
        // -c -o counts matches, as SearchCommand maps it
        Mode mode = !c.has(Option.COUNT) ? Mode.LINES : c.has(Option.ONLY_MATCHING) ? Mode.COUNT_MATCHES : Mode.COUNT;
        OutputOptions out = OutputOptions.builder().mode(mode).withFilename(Boolean.FALSE)
                .onlyMatching(c.has(Option.ONLY_MATCHING)).build();
        SearchConfig cfg = SearchConfig.builder(matchOptions(c)).path(file).invert(c.has(Option.INVERT)).output(out).build();
        ListReporter reporter = new ListReporter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SearchResult r = new Search(cfg, reporter, false).run(bytes, false);
        List<String> problems = new ArrayList<>(reporter.errors());
        problems.addAll(reporter.notes());
        return new Result(bytes.toByteArray(), r.matched(), problems);
    }
}
