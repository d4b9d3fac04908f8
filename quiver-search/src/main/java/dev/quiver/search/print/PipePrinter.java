package dev.quiver.search.print;

import dev.quiver.search.match.Spans;
import dev.quiver.search.searcher.FileResult;
import java.nio.charset.StandardCharsets;

/**
 * Black Arrow's pipe mode ({@code -p}): {@code path|line|first match|stripped line|groups} per
 * matching line, with {@code |} and {@code \} escaped by {@code \} so the fields stay unambiguous.
 * No context lines.
 */
public final class PipePrinter extends PathPrinter {
    public PipePrinter(OutputOptions opt, boolean withFilename) {
        super(opt, withFilename);
    }

    @Override
    public boolean needsSpans() {
        return true;
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        byte[] pb = path();
        escaped(pb, 0, pb.length);
        out.write('|').writeNumber(lineNumber).write('|');
        if (spans != null && spans.count() > 0) {
            escaped(buf, spans.start(0), spans.end(0));
        }
        out.write('|');
        int s = ls;
        int e = le;
        while (s < e && isSpace(buf[s])) {
            s++;
        }
        while (e > s && isSpace(buf[e - 1])) {
            e--;
        }
        escaped(buf, s, e);
        out.write('|');
        if (spans != null) {
            String[] g = spans.groups();
            for (int i = 0; i < g.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                byte[] gb = g[i].getBytes(StandardCharsets.UTF_8);
                escaped(gb, 0, gb.length);
            }
        }
        out.write('\n');
    }

    @Override
    public void end(FileResult result, long elapsedNanos) {
        // one line per match, nothing per file
    }

    private void escaped(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '|' || b[i] == '\\') {
                out.write('\\');
            }
            out.write(b[i]);
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }
}
