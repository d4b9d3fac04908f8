package dev.quiver.search.searcher;

import dev.quiver.search.match.Bytes;
import dev.quiver.search.match.LineMatcherState;
import dev.quiver.search.match.Replacement;
import dev.quiver.search.match.Spans;

/**
 * The {@code -U} search of one file: the pattern runs over the whole buffer, and matches that
 * share a line are merged into one block of lines, which {@link FileSearch#block} reports.
 */
final class MultilineSearch {
    private final FileSearch file;
    private final LineMatcherState state;
    private final Replacement replacement;
    private final LineBuffer lb;
    private final Spans block = new Spans();

    MultilineSearch(FileSearch file, LineMatcherState state, Replacement replacement, LineBuffer lb) {
        this.file = file;
        this.state = state;
        this.replacement = replacement;
        this.lb = lb;
    }

    /** Finds the matches in {@code [pos, end)} and reports them block by block. */
    void search(int pos, int end) {
        if (!state.mayMatch(pos, end)) {
            return;
        }
        byte[] buf = lb.array();
        int blockLs = -1;
        int blockLe = -1;
        block.clear();
        while (!file.stopped() && state.nextMultilineMatch(pos, end, replacement)) {
            int ms = state.matchStart();
            int me = state.matchEnd();
            if (ms >= end && (end == 0 || buf[end - 1] == '\n')) {
                break; // an empty match after the last line: no line is there
            }
            int ls = Bytes.lineStart(buf, pos, Math.min(ms, end));
            int last = me > ms ? me - 1 : ms;
            int le = Bytes.lineEnd(buf, Math.min(last, end), end);
            if (blockLs >= 0 && ls <= blockLe) {
                blockLe = Math.max(blockLe, le);
            } else {
                if (blockLs >= 0) {
                    file.block(blockLs, blockLe, block);
                }
                block.clear();
                blockLs = ls;
                blockLe = le;
            }
            block.add(ms, me, state.matchReplacement());
        }
        if (blockLs >= 0 && !file.stopped()) {
            file.block(blockLs, blockLe, block);
        }
    }
}
