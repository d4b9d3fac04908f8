package dev.quiver.search.searcher;

import dev.quiver.search.match.Bytes;
import dev.quiver.search.match.LineMatcher;
import dev.quiver.search.match.LineMatcherState;
import dev.quiver.search.match.Spans;

/**
 * The search of one file, built fresh for each (as ripgrep's {@code Core::new}): counters, the
 * context and inversion state, {@code -m}, line numbering and binary detection, over the regions
 * of the {@link LineBuffer} that {@link Searcher} hands it. Offsets are into the buffer; after a
 * roll, {@link #rolled} moves the ones it keeps.
 */
final class FileSearch {
    /** rg 13's binary detection window for a file searched whole (-U with a pattern that may match a newline). */
    static final int BINARY_WINDOW = 64 << 10;

    private final LineMatcher matcher;
    private final LineMatcherState state;
    private final Searcher.Options opt;
    private final Sink sink;
    private final LineBuffer lb;
    /** A file found while walking: a NUL ends its search (rg's "quit" binary mode). */
    private final boolean quitOnBinary;
    /** rg's reads, replayed when a walked file has a NUL: where rg stops searching it. */
    private final ReadReplay replay;
    /** A walked file searched in chunks: searched read by read from the start. */
    private final boolean byReads;
    /** Matches merged into blocks of lines, for -U; or null. */
    private final MultilineSearch multiline;

    private long matchedLines;
    /** See {@link FileResult#groups()}. */
    private long groups;
    private long matches;
    private long lines;
    /** No more matching: the rest is at most after-context. */
    private boolean done;
    private boolean stopMatching;
    /** The file offset of the NUL that makes the file binary, or -1. */
    private long binaryAt = -1;
    /** In quit mode, the file offset of the NUL that ended the search, or -1. */
    private long quitAt = -1;
    /** In quit mode, the file offset up to which lines were searched when the NUL ended the search. */
    private long stoppedAt;
    private boolean printedAny;
    /** The end (after its newline) of the last line printed, -1 for none, -2 for one rolled out of the buffer. */
    private int lastPrintedEnd = -1;
    private int afterLeft;
    /** With -v: where the lines not yet reported as non-matching start. */
    private int invertFrom;
    /** Where the text starts in the buffer: after a UTF-8 BOM, which no context line may show. */
    private int textStart;
    /** Line numbering: the line number of the line starting at {@code countPos}. */
    private int countPos;
    private long countLine = 1;

    /**
     * @param quitOnBinary a file found while walking, stopped at its first NUL
     * @param textStart    where the text starts (3 after a UTF-8 BOM)
     * @param replay       rg's reads, replayed to stop where rg stops at a NUL (walked files)
     * @param byReads      a walked file searched in chunks: replayed read by read from the start
     */
    FileSearch(LineMatcher matcher, LineMatcherState state, Searcher.Options opt, Sink sink, LineBuffer lb,
               boolean quitOnBinary, int textStart, ReadReplay replay, boolean byReads) {
        this.matcher = matcher;
        this.state = state;
        this.opt = opt;
        this.sink = sink;
        this.lb = lb;
        this.quitOnBinary = quitOnBinary;
        this.replay = replay;
        this.byReads = byReads;
        this.multiline = matcher.multiline() ? new MultilineSearch(this, state, opt.replacement(), lb) : null;
        this.textStart = textStart;
        this.invertFrom = textStart;
        this.countPos = textStart;
    }

    boolean done() {
        return done;
    }

    boolean stopped() {
        return stopMatching;
    }

    int afterLeft() {
        return afterLeft;
    }

    int lastPrintedEnd() {
        return lastPrintedEnd;
    }

    /** rg does not see the NUL after all: its reads ended at the last line it needed. */
    void forgetQuit() {
        quitAt = -1;
    }

    /** The file is searched whole as rg 13's multiline searcher does (-U, a pattern that may match a newline). */
    boolean wholeFileMultiline() {
        return matcher.multiline() && matcher.mayMatchNewline();
    }

    // ---- what the driver calls ------------------------------------------------------------

    /**
     * Searches the lines of {@code [pos, regionEnd)} ({@code len}: the end of the data in the
     * buffer); returns where the search stopped: {@code regionEnd}, or earlier for a file searched
     * read by read, whose last read is not complete yet (the rest is searched with the next chunk).
     */
    int searchRegion(int pos, int regionEnd, int len, boolean eof) {
        if (!quitOnBinary) {
            checkBinary(pos, regionEnd);
            searchLines(pos, regionEnd);
            return regionEnd;
        }
        // a file found while walking: rg abandons it at the read that holds a NUL (rg's reads may
        // hold part of a line after the region)
        byte[] buf = lb.array();
        int nul = Bytes.indexOf(buf, (byte) 0, pos, byReads || eof ? len : regionEnd);
        if (nul < 0 && !byReads) {
            searchLines(pos, regionEnd);
            return regionEnd;
        }
        if (nul >= 0) {
            quitAt = lb.base() + nul;
        }
        int searched;
        if (wholeFileMultiline()) {
            // a pattern that can match a newline: rg 13 reads the whole file and looks for a NUL in
            // its first 64 KiB only (after a UTF-8 BOM); a NUL there means nothing is searched, a
            // NUL further on is not seen: the file is searched as text, no warning
            int window = Math.min(len, textStart + BINARY_WINDOW);
            int early = Bytes.indexOf(buf, (byte) 0, pos, window);
            if (early < 0) {
                quitAt = -1;
                searchLines(pos, regionEnd);
                return regionEnd;
            }
            quitAt = lb.base() + early;
            searched = pos;
        } else {
            searched = replay.search(this, pos, nul, len, eof);
        }
        if (quitAt >= 0) {
            done = true;
            stopMatching = true;
            afterLeft = 0;
            stoppedAt = lb.base() + searched;
        }
        return searched;
    }

    /** After the last match: prints what is left of the after-context in {@code [pos, end)}. */
    void searchContextOnly(int pos, int end) {
        if (afterLeft > 0) {
            state.reset(lb.array(), pos, end);
        }
        flushAfterContext(end);
    }

    /** Counts the lines of {@code [pos, end)} for --stats (a last line without a newline too). */
    void countLines(int pos, int end, boolean eof) {
        if (opt.countAllLines()) {
            byte[] buf = lb.array();
            lines += Bytes.countNewlines(buf, pos, end);
            if (eof && end > pos && buf[end - 1] != '\n') {
                lines++;
            }
        }
    }

    /** True when nothing after this point can change the output or the counts. */
    boolean finished() {
        return done && afterLeft == 0 && !opt.countAllLines();
    }

    /** The buffer is about to drop {@code [0, keep)}: moves the offsets this search keeps. */
    void rolled(int keep) {
        if (opt.lineNumbers()) {
            lineNumberAt(keep);
            countPos -= keep;
        }
        lastPrintedEnd = lastPrintedEnd < keep ? (lastPrintedEnd < 0 ? -1 : -2) : lastPrintedEnd - keep;
        invertFrom = Math.max(0, invertFrom - keep);
        textStart = Math.max(0, textStart - keep);
    }

    /** The end of the search: the binary-file report, and what was found. */
    FileResult result(String encoding, RgReadModel reads) {
        if (binaryAt >= 0 && matchedLines > 0 && !opt.searchBinary()) {
            sink.binaryMatch(binaryAt);
        }
        if (quitAt >= 0) {
            // rg counts offsets in what it reads: without a UTF-8 BOM
            long nul = reads.rgOffset(quitAt);
            long searched = reads.rgOffset(stoppedAt);
            if (sink.wantsLines()) {
                if (matchedLines > 0) {
                    sink.binaryStopped(nul);
                }
            } else {
                // rg squashes the counts of a binary file it stopped searching: not counted, not listed
                return new FileResult(0, 0, 0, lines, searched, true, encoding, true, nul);
            }
            return new FileResult(matchedLines, groups, matches, lines, searched, true, encoding, false, nul);
        }
        if (binaryAt >= 0) {
            // rg's searched bytes for a binary file named on the command line: up to its NUL
            return new FileResult(matchedLines, groups, matches, lines, binaryAt, true, encoding, false, binaryAt);
        }
        return new FileResult(matchedLines, groups, matches, lines, lb.bytesRead(), false, encoding, false, -1);
    }

    // ---- the search proper ------------------------------------------------------------------

    private void checkBinary(int from, int to) {
        if (opt.searchBinary() || binaryAt >= 0) {
            return;
        }
        if (wholeFileMultiline()) {
            to = Math.min(to, textStart + BINARY_WINDOW); // rg looks no further (see searchRegion)
        }
        int nul = Bytes.indexOf(lb.array(), (byte) 0, from, to);
        if (nul >= 0) {
            binaryAt = lb.base() + nul;
        }
    }

    /** Searches the lines of {@code [pos, end)}, then reports inverted lines and after-context up to {@code end}. */
    void searchLines(int pos, int end) {
        byte[] buf = lb.array();
        state.reset(buf, pos, end);
        if (multiline != null) {
            multiline.search(pos, end);
        } else {
            int p = pos;
            while (p < end && !stopMatching) {
                int c = state.nextCandidate(p, end);
                if (c < 0) {
                    break;
                }
                int ls = Bytes.lineStart(buf, p, Math.min(c, end));
                if (c >= end && (ls >= end || buf[end - 1] == '\n')) {
                    break;
                }
                int le = Bytes.lineEnd(buf, Math.min(c, end), end);
                if (state.lineMatches(ls, le)) {
                    onLine(ls, le);
                }
                p = le + 1;
            }
        }
        if (opt.invert() && !stopMatching) {
            emitInvertedUpTo(end);
            invertFrom = end;
        }
        flushAfterContext(end);
    }

    /**
     * A block of lines {@code [ls, le)} that matches of a multiline search touch ({@code spans}):
     * reported whole, or with -v, the lines before it are.
     */
    void block(int ls, int le, Spans spans) {
        if (opt.invert()) {
            // -U -v: the lines no match touches (searchLines reports the rest after the last block)
            emitInvertedUpTo(ls);
            invertFrom = le + 1;
            return;
        }
        int n = 1 + Bytes.countNewlines(lb.array(), ls, le);
        matches += spans.count();
        // rg 13: a pattern that can match a newline is counted by -c match by match; otherwise a
        // block is one line (matches on one line merge) and counts once
        onLineWithSpans(ls, le, n, wholeFileMultiline() ? spans.count() : 1, spans);
    }

    /** A matching line (before inversion). */
    private void onLine(int ls, int le) {
        if (opt.invert()) {
            emitInvertedUpTo(ls);
            invertFrom = le + 1;
            return;
        }
        Spans spans = null;
        if (binaryAt < 0 && (sink.needsSpans() || opt.countMatches())) {
            spans = state.findAll(ls, le, opt.replacement());
            matches += spans.count();
            if (opt.captureGroups()) {
                spans.groups(state.firstMatchGroups(ls, le));
            }
        }
        onLineWithSpans(ls, le, 1, 1, spans);
    }

    private void onLineWithSpans(int ls, int le, int lineCount, long groupCount, Spans spans) {
        matchedLines += lineCount;
        groups += groupCount;
        if (spans == null && opt.invert()) {
            matches += lineCount;
        }
        if (binaryAt >= 0 || !sink.wantsLines()) {
            // nothing is printed per line: one match may decide the file
            if (binaryAt >= 0 || opt.quitOnFirstMatch()) {
                done = true;
                stopMatching = true;
            }
            stopAtLimit();
            return;
        }
        if (afterLeft > 0 && lastPrintedEnd >= 0) {
            flushAfterContextUpTo(ls);
        }
        long ln = opt.lineNumbers() ? lineNumberAt(ls) : 0;
        emitContextBefore(ls, ln);
        sink.match(lb.array(), lb.base(), ls, le, ln, spans);
        printedAny = true;
        lastPrintedEnd = le + 1;
        afterLeft = opt.after();
        stopAtLimit();
    }

    /** True once -m's count of matching lines is reached. */
    private boolean limitHit() {
        return opt.maxCount() >= 0 && matchedLines >= opt.maxCount();
    }

    private void stopAtLimit() {
        if (limitHit()) {
            stopMatching = true;
            done = true;
        }
    }

    private void emitInvertedUpTo(int limit) {
        int p = invertFrom;
        while (p < limit && !stopMatching) {
            int le = Bytes.lineEnd(lb.array(), p, limit);
            onLineWithSpans(p, le, 1, 1, null);
            p = le + 1;
        }
        invertFrom = Math.max(invertFrom, Math.min(p, limit));
    }

    private void emitContextBefore(int ls, long ln) {
        byte[] buf = lb.array();
        int floor = Math.max(lastPrintedEnd, textStart);
        int s = ls;
        int k = 0;
        while (k < opt.before() && s > floor) {
            s = Bytes.lineStart(buf, floor, s - 1);
            k++;
        }
        if (printedAny && (opt.before() > 0 || opt.after() > 0) && (lastPrintedEnd < 0 || s > lastPrintedEnd)) {
            sink.contextBreak();
        }
        long n = ln - k;
        while (s < ls) {
            int e = Bytes.lineEnd(buf, s, ls);
            sink.context(buf, lb.base(), s, e, n++);
            s = e + 1;
        }
    }

    /** Prints pending after-context lines that start before {@code limit}. */
    private void flushAfterContextUpTo(int limit) {
        byte[] buf = lb.array();
        int s = lastPrintedEnd;
        while (afterLeft > 0 && s < limit) {
            int e = Bytes.lineEnd(buf, s, limit);
            long ln = opt.lineNumbers() ? lineNumberAt(s) : 0;
            if (limitHit() && multiline == null && binaryAt < 0
                    && state.findAll(s, e, null).count() > 0 != opt.invert()) {
                // as rg: after -m's last match, a matching line of the trailing context is shown as
                // a match (it is not counted, and does not extend the context)
                sink.match(buf, lb.base(), s, e, ln, sink.needsSpans() && !opt.invert()
                        ? state.findAll(s, e, opt.replacement()) : null);
            } else {
                sink.context(buf, lb.base(), s, e, ln);
            }
            afterLeft--;
            s = e + 1;
            lastPrintedEnd = s;
        }
    }

    private void flushAfterContext(int end) {
        if (afterLeft > 0 && lastPrintedEnd >= 0 && sink.wantsLines()) {
            flushAfterContextUpTo(end);
        }
    }

    private long lineNumberAt(int offset) {
        if (offset > countPos) {
            countLine += Bytes.countNewlines(lb.array(), countPos, offset);
            countPos = offset;
        }
        return countLine;
    }
}
