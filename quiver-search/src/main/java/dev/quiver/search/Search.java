package dev.quiver.search;

import dev.quiver.search.edit.EditTarget;
import dev.quiver.search.match.LineMatcher;
import dev.quiver.search.match.Replacement;
import dev.quiver.search.match.Spans;
import dev.quiver.search.print.JsonPrinter;
import dev.quiver.search.print.Output;
import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.print.PipePrinter;
import dev.quiver.search.print.Printer;
import dev.quiver.search.print.StandardPrinter;
import dev.quiver.search.print.SummaryPrinter;
import dev.quiver.search.replace.Edit;
import dev.quiver.search.replace.EditCollector;
import dev.quiver.search.replace.Rewriter;
import dev.quiver.search.replace.UnifiedDiff;
import dev.quiver.search.report.Reporter;
import dev.quiver.search.searcher.FileEntry;
import dev.quiver.search.searcher.FileResult;
import dev.quiver.search.searcher.Searcher;
import dev.quiver.search.searcher.Sink;
import dev.quiver.search.walk.Walker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One search run: walker → per-worker searcher and printer → one output. This is the engine's
 * entry point; front ends build a {@link SearchConfig} and call {@link #run}.
 */
public final class Search {
    private final SearchConfig cfg;
    private final Reporter reporter;
    private final LineMatcher matcher;
    private final Replacement replacement;
    private final SearchStats stats = new SearchStats();
    private final AtomicBoolean anyMatch = new AtomicBoolean();
    private final AtomicBoolean anyError = new AtomicBoolean();
    private final AtomicLong replacements = new AtomicLong();
    private final AtomicLong filesChanged = new AtomicLong();
    private final Set<Path> rewritten = ConcurrentHashMap.newKeySet();
    private final List<EditTarget> editTargets = Collections.synchronizedList(new ArrayList<>());
    private final boolean collectEditTargets;
    private Output output;
    private Walker walker;
    private Searcher[] searchers;
    private Printer[] printers;
    private boolean withFilename;

    /**
     * @param collectEditTargets remember the first match of each file (for {@code --edit})
     * @throws java.util.regex.PatternSyntaxException for an invalid pattern
     * @throws IllegalArgumentException for an invalid option value (unknown type, bad regex filter)
     */
    public Search(SearchConfig cfg, Reporter reporter, boolean collectEditTargets) {
        this.cfg = cfg;
        this.reporter = new Reporter() {
            @Override
            public void error(String message) {
                anyError.set(true);
                reporter.error(message);
            }

            @Override
            public void note(String message) {
                reporter.note(message);
            }
        };
        this.matcher = LineMatcher.compile(cfg.match());
        this.replacement = cfg.replacement() == null ? null : Replacement.parse(cfg.replacement());
        this.collectEditTargets = collectEditTargets;
        this.walker = new Walker(cfg.walk(), this.reporter);
    }

    /** Runs the search, writing results to {@code out}; {@code interactive} flushes after each file. */
    public SearchResult run(OutputStream out, boolean interactive) throws InterruptedException {
        long t0 = System.nanoTime();
        int threads = cfg.threads();
        output = new Output(out, interactive, Math.max(8, threads * 8));
        List<Walker.Root> roots = roots();
        withFilename = cfg.output().withFilename() != null ? cfg.output().withFilename() : !singleFile(roots);
        searchers = new Searcher[threads];
        printers = new Printer[threads];
        Mode mode = cfg.output().mode();
        boolean quitOnFirst = mode == Mode.FILES_WITH_MATCHES || mode == Mode.FILES_WITHOUT_MATCH || mode == Mode.QUIET;
        // lines are numbered when printed, and where the number is needed anyway: JSON, the pipe
        // mode, --edit's targets, --dry-run's diff
        boolean numbered = cfg.output().lineNumbers() || mode == Mode.JSON || mode == Mode.PIPE || collectEditTargets
                || cfg.dryRun();
        Searcher.Options so = Searcher.Options.builder()
                .invert(cfg.invert())
                .maxCount(cfg.maxCount())
                .before(cfg.output().before())
                .after(cfg.output().after())
                .replacement(replacement)
                .searchBinary(cfg.searchBinary())
                .lineNumbers(numbered)
                .countAllLines(cfg.stats())
                .countMatches(cfg.stats() || mode == Mode.COUNT_MATCHES || mode == Mode.JSON)
                .quitOnFirstMatch(quitOnFirst && !cfg.stats())
                .captureGroups(mode == Mode.PIPE)
                .build();
        for (int i = 0; i < threads; i++) {
            searchers[i] = new Searcher(matcher, so);
            printers[i] = switch (mode) {
                case JSON -> new JsonPrinter();
                case PIPE -> new PipePrinter(cfg.output(), withFilename);
                case LINES -> new StandardPrinter(cfg.output(), withFilename, replacement != null);
                default -> new SummaryPrinter(cfg.output(), withFilename);
            };
        }
        if (cfg.maxCount() == 0 && mode != Mode.FILES) {
            // -m 0 can never match: as rg, search nothing and print nothing (not even -L's list)
            output.flush();
            return new SearchResult(false, anyError.get(), stats, System.nanoTime() - t0, 0, 0, List.of());
        } else if (cfg.sortByPath()) {
            runSorted(roots, threads);
        } else {
            walker.walk(roots, threads, this::visit);
        }
        long elapsed = System.nanoTime() - t0;
        if (mode == Mode.JSON) {
            output.writeRaw(JsonPrinter.summary(elapsed, stats.filesSearched(), stats.filesMatched(), stats.bytes(),
                    stats.bytesPrinted(), stats.matchedLines(), stats.matches()));
        }
        if (cfg.stats() && mode != Mode.JSON) {
            output.writeRaw(stats.format(elapsed).getBytes(StandardCharsets.UTF_8));
        }
        output.flush();
        if (output.failed() && !isBrokenPipe(output.failure())) {
            reporter.error("cannot write output: " + output.failure().getMessage());
        }
        List<EditTarget> targets = new ArrayList<>(editTargets);
        if (cfg.sortByPath()) {
            // Workers add targets as they finish; with --sort path the output, and so the editor's
            // list, follows the sorted paths.
            targets.sort(Comparator.comparing(EditTarget::path, Search::comparePaths));
        }
        return new SearchResult(anyMatch.get(), anyError.get(), stats, elapsed, replacements.get(), filesChanged.get(), targets);
    }

    /** True when the output ended because its reader went away (a closed pipe): not an error. */
    public static boolean isBrokenPipe(IOException e) {
        String m = e == null ? null : e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("Stream closed"));
    }

    private List<Walker.Root> roots() {
        List<Walker.Root> roots = new ArrayList<>();
        if (cfg.paths().isEmpty()) {
            roots.add(new Walker.Root(Path.of("."), ""));
        }
        for (Path p : cfg.paths()) {
            String s = p.toString();
            roots.add(s.equals("-") ? new Walker.Root(null, "<stdin>") : new Walker.Root(p, s));
        }
        return roots;
    }

    private static boolean singleFile(List<Walker.Root> roots) {
        if (roots.size() != 1) {
            return false;
        }
        Path p = roots.get(0).path();
        return p == null || (!roots.get(0).display().isEmpty() && !Files.isDirectory(p));
    }

    private void runSorted(List<Walker.Root> roots, int threads) throws InterruptedException {
        List<FileEntry> files = Collections.synchronizedList(new ArrayList<>());
        walker.walk(roots, threads, (w, f) -> files.add(f));
        List<FileEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileEntry::display, Search::comparePaths));
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        Error[] fatal = new Error[1];
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                int k;
                while ((k = next.getAndIncrement()) < sorted.size() && !failed.get()) {
                    try {
                        output.awaitTurn(k);
                        FileEntry f = sorted.get(k);
                        byte[] block = new byte[0];
                        try {
                            block = searchOne(id, f);
                        } catch (IOException e) {
                            reporter.error(f.display() + ": " + Walker.describe(e));
                        } catch (RuntimeException e) {
                            reporter.error(f.display() + ": " + e);
                        }
                        output.submit(k, block, printers[id].blockSeparator());
                        if (output.failed()) {
                            failed.set(true);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Error e) {
                        synchronized (fatal) {
                            fatal[0] = e;
                        }
                        failed.set(true);
                        output.submit(k, new byte[0], new byte[0]);
                    }
                }
            }, "quiver-search-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        Walker.joinAll(workers, () -> failed.set(true));
        if (fatal[0] != null) {
            throw fatal[0];
        }
    }

    /** Component-wise path order, so {@code a/b} sorts before {@code a-c} as in a directory listing. */
    static int comparePaths(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x == '/') {
                    return -1;
                }
                if (y == '/') {
                    return 1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private void visit(int worker, FileEntry f) throws IOException {
        if (output.failed()) {
            walker.stop();
            return;
        }
        byte[] block = searchOne(worker, f);
        Printer p = printers[worker];
        if (block == null) {
            output.write(p.output().array(), p.output().size(), p.blockSeparator());
        } else {
            output.write(block, block.length, p.blockSeparator());
        }
        if (output.failed() || (cfg.output().mode() == Mode.QUIET && anyMatch.get())) {
            walker.stop();
        }
    }

    /**
     * Searches one file into its worker's printer. Returns the block to write, or null to mean
     * "the printer's buffer" (no copy needed in unordered mode).
     */
    private byte[] searchOne(int worker, FileEntry f) throws IOException {
        Printer p = printers[worker];
        p.begin(f);
        Mode mode = cfg.output().mode();
        if (mode == Mode.FILES) {
            p.end(FileResult.NOT_SEARCHED, 0);
            anyMatch.set(true);
            return cfg.sortByPath() ? p.output().toByteArray() : null;
        }
        long t0 = System.nanoTime();
        Sink sink = p;
        EditCollector edits = null;
        Rewriter.Snapshot before = null;
        if (replacement != null && (cfg.write() || cfg.dryRun())) {
            if (f.path() == null) {
                throw new IOException("standard input cannot be rewritten");
            }
            Path real = f.path().toRealPath();
            if (!rewritten.add(real)) {
                reporter.note(f.display() + ": same file as one already handled (a link); skipped");
                return new byte[0];
            }
            before = Rewriter.Snapshot.of(f.path());
            edits = new EditCollector(cfg.dryRun() ? new NullSink() : p);
            sink = edits;
        }
        FirstLine first = collectEditTargets ? new FirstLine(sink) : null;
        FileResult r = searchers[worker].search(f, first != null ? first : sink);
        p.end(r, System.nanoTime() - t0);
        stats.add(r, p.output().size());
        boolean listed = mode == Mode.FILES_WITHOUT_MATCH ? !r.matched() && !r.skipped() : r.matched();
        // rg 13 squashes the match count of a binary file it stopped searching to 0: with
        // --files-without-match that makes it a "success" for the exit status, though not listed
        if (listed || (mode == Mode.FILES_WITHOUT_MATCH && r.skipped())) {
            anyMatch.set(true);
        }
        if (first != null && first.line > 0) {
            editTargets.add(new EditTarget(f.display(), first.line, 1));
        }
        if (edits != null && r.binary() && r.matched()) {
            reporter.note(f.display() + ": binary file; not rewritten");
        } else if (edits != null && !edits.edits().isEmpty()) {
            byte[] diff = rewrite(f, r, edits.edits(), before);
            if (diff != null) {
                p.output().write(diff);
            }
        }
        return cfg.sortByPath() ? p.output().toByteArray() : null;
    }

    private byte[] rewrite(FileEntry f, FileResult r, List<Edit> edits, Rewriter.Snapshot before) throws IOException {
        if (r.binary()) {
            reporter.note(f.display() + ": binary file; not rewritten");
            return null;
        }
        Path real = f.path().toRealPath();
        byte[] original;
        try {
            original = Rewriter.read(real, before);
        } catch (Rewriter.ChangedException e) {
            reporter.error(f.display() + ": " + e.getMessage());
            return null;
        }
        if (cfg.dryRun()) {
            replacements.addAndGet(edits.size());
            filesChanged.incrementAndGet();
            return UnifiedDiff.of(f.display(), Rewriter.decoded(original, r.encoding()), edits);
        }
        byte[] updated = Rewriter.apply(original, r.encoding(), edits);
        if (java.util.Arrays.equals(updated, original)) {
            return null;
        }
        try {
            Rewriter.write(real, updated, before);
        } catch (Rewriter.ChangedException e) {
            reporter.error(f.display() + ": " + e.getMessage());
            return null;
        }
        replacements.addAndGet(edits.size());
        filesChanged.incrementAndGet();
        return null;
    }

    /** Remembers the first matching line of a file for {@code --edit}. */
    private static final class FirstLine extends dev.quiver.search.searcher.ForwardingSink {
        private long line;

        FirstLine(Sink delegate) {
            super(delegate);
        }

        @Override
        public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
            if (line == 0) {
                line = lineNumber;
            }
            super.match(buf, base, ls, le, lineNumber, spans);
        }
    }

    /** Prints nothing: a dry run prints the diff instead of the lines (its edit collector asks for the matches). */
    private static final class NullSink implements Sink {
        @Override
        public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
            // the diff shows the change
        }
    }
}
