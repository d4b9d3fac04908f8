package dev.quiver.search;

import dev.quiver.search.searcher.FileResult;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Totals over one search, correct under concurrency (Black Arrow's summary, fixed). */
public final class SearchStats {
    private final AtomicLong filesSearched = new AtomicLong();
    private final AtomicLong filesMatched = new AtomicLong();
    private final AtomicLong matchedLines = new AtomicLong();
    private final AtomicLong matches = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesPrinted = new AtomicLong();

    void add(FileResult r, long printed) {
        filesSearched.incrementAndGet();
        if (r.matched()) {
            filesMatched.incrementAndGet();
        }
        matchedLines.addAndGet(r.matchedLines());
        matches.addAndGet(r.matches());
        lines.addAndGet(r.lines());
        bytes.addAndGet(r.bytes());
        bytesPrinted.addAndGet(printed);
    }

    public long filesSearched() {
        return filesSearched.get();
    }

    public long filesMatched() {
        return filesMatched.get();
    }

    public long matchedLines() {
        return matchedLines.get();
    }

    public long matches() {
        return matches.get();
    }

    public long lines() {
        return lines.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long bytesPrinted() {
        return bytesPrinted.get();
    }

    /** The {@code --stats} block. */
    public String format(long elapsedNanos) {
        return String.format(Locale.ROOT, "---------------%n"
                        + "Files Searched: %,d%nFiles Matched: %,d%nMatching Lines: %,d%nMatches: %,d%n"
                        + "Lines Searched: %,d%nBytes Searched: %,d%nDuration: %.3f s%n",
                filesSearched(), filesMatched(), matchedLines(), matches(), lines(), bytes(), elapsedNanos / 1e9);
    }
}
