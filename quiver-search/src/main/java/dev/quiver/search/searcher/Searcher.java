package dev.quiver.search.searcher;

import dev.quiver.search.match.Bytes;
import dev.quiver.search.match.LineMatcher;
import dev.quiver.search.match.LineMatcherState;
import dev.quiver.search.match.Replacement;
import dev.quiver.search.match.Spans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Searches one file at a time in a reusable byte buffer, the way ripgrep does: the matcher runs
 * over the whole buffer, and line boundaries are found only around candidates. Files larger than
 * the buffer are searched in chunks that end on a line boundary, keeping the lines needed for
 * before-context. One searcher per worker thread; not thread-safe.
 */
public final class Searcher {
    /** Files up to this size are read whole; larger ones are searched in chunks of this size. */
    static final int CHUNK = 16 << 20;
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 64;
    private static final java.util.Set<StandardOpenOption> READ = java.util.EnumSet.of(StandardOpenOption.READ);

    /**
     * How to search. Built through {@link #builder}.
     *
     * @param invert        report non-matching lines
     * @param maxCount      stop after this many matching lines (-1: no limit)
     * @param before        context lines before
     * @param after         context lines after
     * @param replacement   replacement template, or null
     * @param searchBinary  treat files with NUL bytes as text
     * @param lineNumbers   count lines to number them
     * @param countAllLines count every line (for --stats)
     * @param countMatches  count individual matches even when the sink does not need them
     * @param quitOnFirstMatch one match decides the file (-l, -L, -q)
     * @param captureGroups    record the first match's groups (pipe mode)
     */
    public record Options(boolean invert, long maxCount, int before, int after, Replacement replacement,
                          boolean searchBinary, boolean lineNumbers, boolean countAllLines, boolean countMatches,
                          boolean quitOnFirstMatch, boolean captureGroups) {
        /** Matching lines, numbered, no limit, no context, unless set otherwise. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Options}. */
        public static final class Builder {
            private boolean invert;
            private long maxCount = -1;
            private int before;
            private int after;
            private Replacement replacement;
            private boolean searchBinary;
            private boolean lineNumbers = true;
            private boolean countAllLines;
            private boolean countMatches;
            private boolean quitOnFirstMatch;
            private boolean captureGroups;

            private Builder() {
            }

            public Builder invert(boolean v) {
                this.invert = v;
                return this;
            }

            public Builder maxCount(long n) {
                this.maxCount = n;
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

            public Builder replacement(Replacement r) {
                this.replacement = r;
                return this;
            }

            public Builder searchBinary(boolean b) {
                this.searchBinary = b;
                return this;
            }

            public Builder lineNumbers(boolean n) {
                this.lineNumbers = n;
                return this;
            }

            public Builder countAllLines(boolean c) {
                this.countAllLines = c;
                return this;
            }

            public Builder countMatches(boolean c) {
                this.countMatches = c;
                return this;
            }

            public Builder quitOnFirstMatch(boolean q) {
                this.quitOnFirstMatch = q;
                return this;
            }

            public Builder captureGroups(boolean c) {
                this.captureGroups = c;
                return this;
            }

            public Options build() {
                return new Options(invert, maxCount, before, after, replacement, searchBinary, lineNumbers,
                        countAllLines, countMatches, quitOnFirstMatch, captureGroups);
            }
        }
    }

    private final LineMatcher matcher;
    private final LineMatcherState state;
    private final Options opt;
    private final Spans blockSpans = new Spans();
    private byte[] buf = new byte[64 << 10];

    // per-file state
    private Sink sink;
    private long base;
    private long matchedLines;
    /** See {@link FileResult#groups()}. */
    private long groups;
    private long matches;
    private long lines;
    private boolean done;
    private boolean stopMatching;
    private long binaryAt;
    /** A file found while walking: a NUL ends its search (rg's "quit" binary mode). */
    private boolean quitOnBinary;
    /** In quit mode, the file offset of the NUL that ended the search, or -1. */
    private long quitAt;
    /** In quit mode, the file offset up to which lines were searched when the NUL ended the search. */
    private long stoppedAt;
    private boolean printedAny;
    private int lastPrintedEnd;
    private int afterLeft;
    private int invertFrom;
    /** Where the text starts in the buffer: after a UTF-8 BOM, which no context line may show. */
    private int textStart;
    private int countPos;
    private long countLine;
    private long expectedEnd;
    /** File searched in chunks, quit mode: search it read by read as rg reads it (see {@link #searchReads}). */
    private boolean byReads;
    /** rg's reads of this file (quit mode). */
    private final RgReadModel reads = new RgReadModel();

    public Searcher(LineMatcher matcher, Options options) {
        this.matcher = matcher;
        this.state = matcher.newState();
        this.opt = options;
    }

    /** Searches {@code file}, reporting to {@code sink}. */
    public FileResult search(FileEntry file, Sink sink) throws IOException {
        // files named on the command line are searched whole ("binary file matches"); files found
        // while walking stop at their first NUL, as in rg
        quitOnBinary = !file.explicit() && !opt.searchBinary();
        try {
            if (file.path() == null) {
                return search(Channels.newChannel(stdin()), -1, sink);
            }
            try (FileChannel ch = FileChannel.open(file.path(), READ)) {
                return search(ch, file.size(), sink);
            }
        } finally {
            quitOnBinary = false;
        }
    }

    private static InputStream stdin() {
        return System.in;
    }

    /** Searches everything {@code ch} yields. {@code sizeHint} may be -1. */
    public FileResult search(ReadableByteChannel ch, long sizeHint, Sink sink) throws IOException {
        this.sink = sink;
        base = 0;
        expectedEnd = sizeHint;
        matchedLines = 0;
        groups = 0;
        matches = 0;
        lines = 0;
        done = false;
        stopMatching = false;
        binaryAt = -1;
        quitAt = -1;
        printedAny = false;
        lastPrintedEnd = -1;
        afterLeft = 0;
        invertFrom = 0;
        textStart = 0;
        countPos = 0;
        countLine = 1;
        boolean wholeFile = matcher.multiline() || (sizeHint >= 0 && sizeHint < CHUNK);
        if (wholeFile && sizeHint >= 0) {
            if (sizeHint >= MAX_BUFFER) {
                throw new IOException("file too large for multiline search (" + sizeHint + " bytes)");
            }
            ensureCapacity((int) sizeHint + 1);
        } else if (!wholeFile && buf.length < CHUNK) {
            ensureCapacity(CHUNK);
        }
        int len = fill(ch, 0);
        boolean eof = len < buf.length;
        if (!eof) {
            // the buffer is full: there may be more
            eof = false;
        }
        long total = 0;
        String encoding = "utf-8";
        int pos = 0;
        boolean utf8Bom = false;
        if (len >= 2 && ((buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE) || (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF))) {
            boolean le = buf[0] == (byte) 0xFF;
            while (!eof) {
                ensureCapacity(growSize(len));
                int n = fill(ch, len);
                eof = len + n < buf.length;
                len += n;
            }
            total = len;
            Charset cs = le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            byte[] utf8 = new String(buf, 2, len - 2, cs).getBytes(StandardCharsets.UTF_8);
            ensureCapacity(utf8.length + 1);
            System.arraycopy(utf8, 0, buf, 0, utf8.length);
            len = utf8.length;
            encoding = le ? "utf-16le" : "utf-16be";
        } else if (len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
            countPos = 3;
            invertFrom = 3;
            textStart = 3;
            utf8Bom = true;
        }
        reads.reset(utf8Bom);
        byReads = quitOnBinary && !wholeFile && !matcher.multiline();
        if (total == 0) {
            total = len;
        }
        if (matcher.multiline()) {
            while (!eof) {
                if (len == MAX_BUFFER) {
                    throw new IOException("file too large for multiline search");
                }
                ensureCapacity(growSize(len));
                int n = fill(ch, len);
                eof = len + n < buf.length;
                len += n;
                total += n;
            }
        }
        while (true) {
            int end;
            if (eof) {
                end = len;
            } else {
                int nl = lastNewline(pos, len);
                if (nl < 0) {
                    // one line longer than the buffer: grow and read on
                    if (len == MAX_BUFFER) {
                        throw new IOException("line too long (more than " + MAX_BUFFER + " bytes)");
                    }
                    ensureCapacity(growSize(len));
                    int n = fill(ch, len);
                    eof = len + n < buf.length;
                    len += n;
                    total += n;
                    continue;
                }
                end = nl + 1;
            }
            if (!done) {
                end = searchRegion(pos, end, len, eof);
            } else {
                if (afterLeft > 0) {
                    state.reset(buf, pos, end);
                }
                flushAfterContext(end);
            }
            if (opt.countAllLines()) {
                lines += Bytes.countNewlines(buf, pos, end);
                if (eof && end > pos && buf[end - 1] != '\n') {
                    lines++;
                }
            }
            if (eof || (done && afterLeft == 0 && !opt.countAllLines())) {
                break;
            }
            // roll: keep the lines needed for before-context, move the rest to the front, read on
            int keep = keepFrom(end);
            if (byReads) {
                keep = (int) Math.min(keep, Math.max(0, reads.start() - base)); // rg's buffer, for its roll
            }
            if (opt.lineNumbers()) {
                lineNumberAt(keep);
                countPos -= keep;
            }
            System.arraycopy(buf, keep, buf, 0, len - keep);
            base += keep;
            len -= keep;
            pos = end - keep;
            lastPrintedEnd = lastPrintedEnd < keep ? (lastPrintedEnd < 0 ? -1 : -2) : lastPrintedEnd - keep;
            invertFrom = Math.max(0, invertFrom - keep);
            textStart = Math.max(0, textStart - keep);
            if (len == buf.length) {
                ensureCapacity(growSize(len)); // nothing could be searched yet (rg's reads grew past the buffer)
            }
            int n = fill(ch, len);
            eof = len + n < buf.length;
            len += n;
            total += n;
        }
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
        return new FileResult(matchedLines, groups, matches, lines, total, false, encoding, false, -1);
    }

    private void checkBinary(int from, int to) {
        if (opt.searchBinary() || binaryAt >= 0) {
            return;
        }
        if (wholeFileMultiline()) {
            to = Math.min(to, textStart + BINARY_WINDOW); // rg looks no further (see searchRegion)
        }
        int nul = Bytes.indexOf(buf, (byte) 0, from, to);
        if (nul >= 0) {
            binaryAt = base + nul;
        }
    }

    private int keepFrom(int end) {
        int s = end;
        for (int k = 0; k < opt.before() && s > 0; k++) {
            s = Bytes.lineStart(buf, 0, s - 1);
        }
        return s;
    }

    private int lastNewline(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int growSize(int len) {
        long next = Math.max(64L << 10, (long) len * 2);
        return (int) Math.min(next, MAX_BUFFER);
    }

    private void ensureCapacity(int n) {
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, n);
        }
    }

    private int fill(ReadableByteChannel ch, int from) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, from, buf.length - from);
        while (bb.hasRemaining()) {
            int n = ch.read(bb);
            if (n < 0) {
                break;
            }
            if (expectedEnd >= 0 && base + bb.position() == expectedEnd) {
                // read as much as the walk said the file holds: skip the extra read() that returns EOF
                break;
            }
        }
        return bb.position() - from;
    }

    private long lineNumberAt(int offset) {
        if (offset > countPos) {
            countLine += Bytes.countNewlines(buf, countPos, offset);
            countPos = offset;
        }
        return countLine;
    }

    // ---- the search proper ------------------------------------------------------------------

    /**
     * Searches the lines of {@code [pos, regionEnd)} ({@code len}: the end of the data in the
     * buffer); returns where the search stopped: {@code regionEnd}, or earlier for a file searched
     * read by read, whose last read is not complete yet (the rest is searched with the next chunk).
     */
    private int searchRegion(int pos, int regionEnd, int len, boolean eof) {
        if (!quitOnBinary) {
            checkBinary(pos, regionEnd);
            searchLines(pos, regionEnd);
            return regionEnd;
        }
        // a file found while walking: rg abandons it at the read that holds a NUL (rg's reads may
        // hold part of a line after the region)
        int nul = Bytes.indexOf(buf, (byte) 0, pos, byReads || eof ? len : regionEnd);
        if (nul < 0 && !byReads) {
            searchLines(pos, regionEnd);
            return regionEnd;
        }
        if (nul >= 0) {
            quitAt = base + nul;
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
            quitAt = base + early;
            searched = pos;
        } else {
            searched = searchReads(pos, nul, len, eof);
        }
        if (quitAt >= 0) {
            done = true;
            stopMatching = true;
            afterLeft = 0;
            stoppedAt = base + searched;
        }
        return searched;
    }

    /** rg 13's binary detection window for a file searched whole (-U with a pattern that may match a newline). */
    static final int BINARY_WINDOW = 64 << 10;

    /** The file is searched whole as rg 13's multiline searcher does (-U, a pattern that may match a newline). */
    private boolean wholeFileMultiline() {
        return matcher.multiline() && matcher.mayMatchNewline();
    }

    /**
     * Searches from {@code pos} read by read as rg 13 reads a file found while walking (see
     * {@link RgReadModel}), so that it stops where rg stops when the file has a NUL at {@code nul}
     * (-1: none in the data): a read that holds a NUL is not searched and ends the search. Returns
     * the offset up to which the lines were searched.
     */
    private int searchReads(int pos, int nul, int len, boolean eof) {
        int searched = pos;
        long dataEnd = base + len;
        int maxContext = Math.max(opt.before(), opt.after());
        while (true) {
            long lastTerm = -1;
            while (lastTerm < 0) {
                long readEnd = reads.nextReadEnd();
                if (nul >= 0 && base + nul < readEnd) {
                    return searched; // the read with the NUL: rg stops
                }
                if (readEnd >= dataEnd) {
                    if (eof) {
                        // rg's last read: its last line need not end with a newline
                        searchLines(searched, len);
                        return len;
                    }
                    if (readEnd > dataEnd) {
                        return searched; // the read goes on in the next chunk
                    }
                }
                lastTerm = reads.read(buf, base, readEnd);
            }
            int to = (int) (lastTerm - base) + 1;
            int printedBefore = lastPrintedEnd;
            searchLines(searched, to);
            searched = to;
            if (done && afterLeft == 0) {
                // rg stops at its last needed line: it never reads the NUL
                quitAt = -1;
                return searched;
            }
            // rg's roll: keep the context it may need
            boolean printed = lastPrintedEnd != printedBefore && lastPrintedEnd >= 0;
            reads.roll(buf, base, base + to, maxContext, printed ? base + lastPrintedEnd : -1);
        }
    }

    private void searchLines(int pos, int end) {
        state.reset(buf, pos, end);
        if (matcher.multiline()) {
            searchMultiline(pos, end);
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
                    onLine(ls, le, 1);
                }
                p = le + 1;
            }
        }
        if (opt.invert() && !stopMatching) {
            emitInverted(end);
        }
        flushAfterContext(end);
    }

    private void searchMultiline(int pos, int end) {
        if (!state.mayMatch(pos, end)) {
            return;
        }
        int blockLs = -1;
        int blockLe = -1;
        blockSpans.clear();
        while (!stopMatching && state.nextMultilineMatch(pos, end, opt.replacement())) {
            int ms = state.matchStart();
            int me = state.matchEnd();
            if (ms >= end && (end == 0 || buf[end - 1] == '\n')) {
                break;
            }
            int ls = Bytes.lineStart(buf, pos, Math.min(ms, end));
            int last = me > ms ? me - 1 : ms;
            int le = Bytes.lineEnd(buf, Math.min(last, end), end);
            if (blockLs >= 0 && ls <= blockLe) {
                blockLe = Math.max(blockLe, le);
            } else {
                if (blockLs >= 0) {
                    emitBlock(blockLs, blockLe);
                }
                blockSpans.clear();
                blockLs = ls;
                blockLe = le;
            }
            blockSpans.add(ms, me, state.matchReplacement());
        }
        if (blockLs >= 0 && !stopMatching) {
            emitBlock(blockLs, blockLe);
        }
    }

    private void emitBlock(int ls, int le) {
        if (opt.invert()) {
            // -U -v: the lines no match touches (searchLines prints the rest after the last block)
            emitInvertedUpTo(ls);
            invertFrom = le + 1;
            return;
        }
        int n = 1 + Bytes.countNewlines(buf, ls, le);
        matches += blockSpans.count();
        // rg 13: a pattern that can match a newline is counted by -c match by match; otherwise a
        // block is one line (matches on one line merge) and counts once
        onLineWithSpans(ls, le, n, wholeFileMultiline() ? blockSpans.count() : 1, blockSpans);
    }

    /** A matching line (before inversion). */
    private void onLine(int ls, int le, int lineCount) {
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
        onLineWithSpans(ls, le, lineCount, spans);
    }

    private void onLineWithSpans(int ls, int le, int lineCount, Spans spans) {
        onLineWithSpans(ls, le, lineCount, 1, spans);
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
            limitReached();
            return;
        }
        if (afterLeft > 0 && lastPrintedEnd >= 0) {
            flushAfterContextUpTo(ls);
        }
        long ln = opt.lineNumbers() ? lineNumberAt(ls) : 0;
        emitContextBefore(ls, ln);
        sink.match(buf, base, ls, le, ln, spans);
        printedAny = true;
        lastPrintedEnd = le + 1;
        afterLeft = opt.after();
        limitReached();
    }

    private boolean limitHit() {
        return opt.maxCount() >= 0 && matchedLines >= opt.maxCount();
    }

    private void limitReached() {
        if (opt.maxCount() >= 0 && matchedLines >= opt.maxCount()) {
            stopMatching = true;
            done = true;
        }
    }

    private void emitInvertedUpTo(int limit) {
        int p = invertFrom;
        while (p < limit && !stopMatching) {
            int le = Bytes.lineEnd(buf, p, limit);
            onLineWithSpans(p, le, 1, null);
            p = le + 1;
        }
        invertFrom = Math.max(invertFrom, Math.min(p, limit));
    }

    private void emitInverted(int end) {
        emitInvertedUpTo(end);
        invertFrom = end;
    }

    private void emitContextBefore(int ls, long ln) {
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
            sink.context(buf, base, s, e, n++);
            s = e + 1;
        }
    }

    /** Prints pending after-context lines that start before {@code limit}; returns the new floor. */
    private int flushAfterContextUpTo(int limit) {
        int s = lastPrintedEnd;
        while (afterLeft > 0 && s < limit) {
            int e = Bytes.lineEnd(buf, s, limit);
            long ln = opt.lineNumbers() ? lineNumberAt(s) : 0;
            if (limitHit() && !matcher.multiline() && binaryAt < 0
                    && state.findAll(s, e, null).count() > 0 != opt.invert()) {
                // as rg: after -m's last match, a matching line of the trailing context is shown as
                // a match (it is not counted, and does not extend the context)
                sink.match(buf, base, s, e, ln, sink.needsSpans() && !opt.invert()
                        ? state.findAll(s, e, opt.replacement()) : null);
            } else {
                sink.context(buf, base, s, e, ln);
            }
            afterLeft--;
            s = e + 1;
            lastPrintedEnd = s;
        }
        return Math.max(s, 0);
    }

    private void flushAfterContext(int end) {
        if (afterLeft > 0 && lastPrintedEnd >= 0 && sink.wantsLines()) {
            flushAfterContextUpTo(end);
        }
    }
}
