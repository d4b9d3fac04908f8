package dev.quiver.search;

import dev.quiver.search.match.MatchOptions;
import dev.quiver.search.print.OutputOptions;
import dev.quiver.search.walk.WalkOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: the engine's builders for one search (by default two threads, paths printed on
 * every line), its run, and what came out.
 */
final class SearchRun {
    final MatchOptions.Builder match = MatchOptions.builder();
    final OutputOptions.Builder output = OutputOptions.builder().withFilename(Boolean.TRUE);
    final SearchConfig.Builder config = SearchConfig.builder(null).threads(2);
    WalkOptions.Builder walk = WalkOptions.builder();
    /** Collect the first match of each file, as {@code --edit} does. */
    boolean edit;

    final List<String> errors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    SearchResult result;
    byte[] out;

    static SearchRun of(String pattern, Path... paths) {
        SearchRun r = new SearchRun();
        r.match.pattern(pattern);
        r.config.paths(Arrays.asList(paths));
        return r;
    }

    SearchConfig config() {
        return config.match(match.build()).walk(walk.build()).output(output.build()).build();
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
        List<String> all = Arrays.asList(s.split("\n", -1));
        return s.endsWith("\n") ? all.subList(0, all.size() - 1) : all;
    }

    /** Writes {@code content} (UTF-8) to {@code dir/rel}, creating directories; returns the file. */
    static Path file(Path dir, String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }
}
