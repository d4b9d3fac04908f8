package dev.quiver.search.replace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (3 lines of context) of one file before and after its edits. Only the lines the
 * edits touch differ, so the hunks are built from the edits, not from a general diff algorithm.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of {@code text} (decoded, UTF-8) under {@code edits}; empty when nothing changes. */
    public static byte[] of(String path, byte[] text, List<Edit> edits) {
        List<int[]> oldLines = lines(text);
        // old line ranges touched by edits, merged, each with its new lines
        List<int[]> regions = new ArrayList<>(); // {firstLine, lastLine} (0-based, inclusive)
        List<List<Edit>> regionEdits = new ArrayList<>();
        for (Edit e : edits) {
            int first = lineOf(oldLines, (int) e.start());
            int last = lineOf(oldLines, (int) Math.max(e.start(), e.end() - 1));
            if (!regions.isEmpty() && first <= regions.get(regions.size() - 1)[1] + 1) {
                regions.get(regions.size() - 1)[1] = Math.max(last, regions.get(regions.size() - 1)[1]);
                regionEdits.get(regionEdits.size() - 1).add(e);
            } else {
                regions.add(new int[] {first, last});
                List<Edit> l = new ArrayList<>();
                l.add(e);
                regionEdits.add(l);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (regions.isEmpty()) {
            return out.toByteArray();
        }
        write(out, "--- " + path + "\n+++ " + path + "\n");
        int i = 0;
        while (i < regions.size()) {
            int j = i;
            while (j + 1 < regions.size() && regions.get(j + 1)[0] - regions.get(j)[1] <= 2 * CONTEXT + 1) {
                j++;
            }
            int from = Math.max(0, regions.get(i)[0] - CONTEXT);
            int to = Math.min(oldLines.size() - 1, regions.get(j)[1] + CONTEXT);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int oldCount = 0;
            int newCount = 0;
            int line = from;
            for (int k = i; k <= j; k++) {
                int[] r = regions.get(k);
                for (; line < r[0]; line++, oldCount++, newCount++) {
                    lineOut(body, ' ', text, oldLines.get(line));
                }
                for (int l = r[0]; l <= r[1]; l++, oldCount++) {
                    lineOut(body, '-', text, oldLines.get(l));
                }
                int blockStart = oldLines.get(r[0])[0];
                int blockEnd = oldLines.get(r[1])[1];
                List<Edit> local = new ArrayList<>();
                for (Edit e : regionEdits.get(k)) {
                    local.add(new Edit(e.start() - blockStart, e.end() - blockStart, e.replacement()));
                }
                byte[] block = java.util.Arrays.copyOfRange(text, blockStart, blockEnd);
                byte[] replaced = Rewriter.splice(block, local);
                for (int[] nl : lines(replaced)) {
                    lineOut(body, '+', replaced, nl);
                    newCount++;
                }
                line = r[1] + 1;
            }
            for (; line <= to; line++, oldCount++, newCount++) {
                lineOut(body, ' ', text, oldLines.get(line));
            }
            write(out, "@@ -" + (from + 1) + "," + oldCount + " +" + (from + 1) + "," + newCount + " @@\n");
            out.writeBytes(body.toByteArray());
            i = j + 1;
        }
        return out.toByteArray();
    }

    private static void lineOut(ByteArrayOutputStream out, char tag, byte[] text, int[] line) {
        out.write(tag);
        out.write(text, line[0], line[1] - line[0]);
        if (line[1] == line[0] || text[line[1] - 1] != '\n') {
            out.write('\n');
            write(out, "\\ No newline at end of file\n");
        }
    }

    /** Line ranges {start, end} with end after the newline (if any). */
    private static List<int[]> lines(byte[] text) {
        List<int[]> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                out.add(new int[] {s, i + 1});
                s = i + 1;
            }
        }
        if (s < text.length) {
            out.add(new int[] {s, text.length});
        }
        if (out.isEmpty()) {
            out.add(new int[] {0, 0});
        }
        return out;
    }

    private static int lineOf(List<int[]> lines, int offset) {
        int lo = 0;
        int hi = lines.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lines.get(mid)[0] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
