package dev.quiver.search;

import dev.quiver.search.SearchConfig.Mode;
import dev.quiver.search.SearchConfig.OutputOptions;
import dev.quiver.search.SearchConfig.WalkOptions;
import dev.quiver.search.match.MatchOptions;
import dev.quiver.search.match.MatchOptions.CaseMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: a fluent way to build a {@link SearchConfig}, run it, and look at what came out. */
final class SearchRun {
    List<String> patterns = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    boolean fixed;
    CaseMode caseMode = CaseMode.SENSITIVE;
    boolean word;
    boolean lineRegexp;
    boolean multiline;
    boolean invert;
    long maxCount = -1;
    WalkOptions walk = WalkOptions.defaults();
    Mode mode = Mode.LINES;
    boolean heading;
    boolean color;
    boolean lineNumbers = true;
    Boolean withFilename = Boolean.TRUE;
    boolean onlyMatching;
    int before;
    int after;
    boolean nul;
    int maxColumns;
    String replacement;
    boolean write;
    boolean dryRun;
    boolean binary;
    int threads = 2;
    boolean sort;
    boolean stats;
    boolean edit;

    final List<String> errors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    SearchResult result;
    byte[] out;

    static SearchRun of(String pattern, Path... paths) {
        SearchRun r = new SearchRun();
        r.patterns.add(pattern);
        r.paths.addAll(Arrays.asList(paths));
        return r;
    }

    SearchConfig config() {
        return new SearchConfig(new MatchOptions(patterns, fixed, caseMode, word, lineRegexp, multiline), paths, invert,
                maxCount, walk, new OutputOptions(mode, heading, color, lineNumbers, withFilename, onlyMatching, before,
                after, nul, maxColumns), replacement, write, dryRun, binary, threads, sort, stats);
    }

    SearchRun run() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ListReporter reporter = new ListReporter();
        result = new Search(config(), reporter, edit).run(bytes, false);
        out = bytes.toByteArray();
        errors.addAll(reporter.errors());
        notes.addAll(reporter.notes());
        return this;
    }

    String output() {
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Output lines, sorted (file order across workers is not fixed). */
    List<String> sortedLines() {
        List<String> l = new ArrayList<>(lines());
        l.sort(null);
        return l;
    }

    List<String> lines() {
        String s = output();
        if (s.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(s.split("\n", -1)).subList(0, s.endsWith("\n") ? s.split("\n", -1).length - 1 : s.split("\n", -1).length);
    }

    /** Writes {@code content} (UTF-8) to {@code dir/rel}, creating directories; returns the file. */
    static Path file(Path dir, String rel, String content) throws java.io.IOException {
        Path p = dir.resolve(rel);
        java.nio.file.Files.createDirectories(p.getParent());
        java.nio.file.Files.writeString(p, content);
        return p;
    }

    static WalkOptions walk(boolean hidden, boolean noIgnore, List<String> globs, List<String> types, int maxDepth, boolean follow) {
        return new WalkOptions(hidden, noIgnore, globs, types, List.of(), List.of(), List.of(), maxDepth, follow);
    }
}
