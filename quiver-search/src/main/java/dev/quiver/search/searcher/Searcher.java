package dev.quiver.search.searcher;

import dev.quiver.search.match.LineMatcher;
import dev.quiver.search.match.LineMatcherState;
import dev.quiver.search.match.Replacement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/**
 * Searches one file at a time, the way ripgrep does, and chooses how: a file up to
 * {@link LineBuffer#CHUNK} bytes, or any file with {@code -U}, is one region; a larger one is
 * searched in chunks that end on a line boundary, keeping the lines needed for before-context; a
 * chunked file found while walking replays rg's reads ({@link ReadReplay}) to stop where rg stops
 * at a NUL. The matcher runs over the whole region and line boundaries are found only around
 * candidates ({@link FileSearch}). One searcher per worker thread, reusing its buffer; not
 * thread-safe.
 */
public final class Searcher {
    private static final Set<StandardOpenOption> READ = EnumSet.of(StandardOpenOption.READ);

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
    private final LineBuffer buffer = new LineBuffer();
    /** rg's reads of the file being searched (quit mode). */
    private final RgReadModel reads = new RgReadModel();
    private final ReadReplay replay;

    public Searcher(LineMatcher matcher, Options options) {
        this.matcher = matcher;
        this.state = matcher.newState();
        this.opt = options;
        this.replay = new ReadReplay(reads, buffer, Math.max(options.before(), options.after()));
    }

    /** Searches {@code file}, reporting to {@code sink}. */
    public FileResult search(FileEntry file, Sink sink) throws IOException {
        // files named on the command line are searched whole ("binary file matches"); files found
        // while walking stop at their first NUL, as in rg
        boolean quitOnBinary = !file.explicit() && !opt.searchBinary();
        if (file.path() == null) {
            return search(Channels.newChannel(stdin()), -1, sink, quitOnBinary);
        }
        try (FileChannel ch = FileChannel.open(file.path(), READ)) {
            return search(ch, file.size(), sink, quitOnBinary);
        }
    }

    private static InputStream stdin() {
        return System.in;
    }

    /** Searches everything {@code ch} yields. {@code sizeHint} may be -1. */
    private FileResult search(ReadableByteChannel ch, long sizeHint, Sink sink, boolean quitOnBinary) throws IOException {
        boolean whole = matcher.multiline() || (sizeHint >= 0 && sizeHint < LineBuffer.CHUNK);
        LineBuffer lb = buffer;
        lb.start(ch, sizeHint, whole);
        String encoding = lb.transcodeUtf16();
        int textStart = encoding.equals("utf-8") ? lb.textStart() : 0;
        reads.reset(textStart > 0);
        // a walked file searched in chunks is read as rg reads it from the start, so that a NUL in
        // a later chunk stops it where rg stops
        boolean byReads = quitOnBinary && !whole;
        FileSearch file = new FileSearch(matcher, state, opt, sink, lb, quitOnBinary, textStart,
                quitOnBinary ? replay : null, byReads);
        if (matcher.multiline()) {
            lb.readAll("file too large for multiline search");
        }
        int pos = textStart;
        while (true) {
            boolean eof = lb.eof();
            int len = lb.length();
            int end;
            if (eof) {
                end = len;
            } else {
                int nl = lb.lastNewline(pos);
                if (nl < 0) {
                    lb.growAndRead(); // one line longer than the buffer
                    continue;
                }
                end = nl + 1;
            }
            if (!file.done()) {
                end = file.searchRegion(pos, end, len, eof);
            } else {
                file.searchContextOnly(pos, end);
            }
            file.countLines(pos, end, eof);
            if (eof || file.finished()) {
                break;
            }
            // roll: keep the lines needed for before-context, move the rest to the front, read on
            int keep = lb.linesBefore(end, opt.before());
            if (byReads) {
                keep = (int) Math.min(keep, Math.max(0, reads.start() - lb.base())); // rg's buffer, for its roll
            }
            file.rolled(keep);
            lb.rollAndRead(keep);
            pos = end - keep;
        }
        return file.result(encoding, reads);
    }
}
