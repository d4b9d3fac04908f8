package dev.quiver.search.replace;

import dev.quiver.search.match.Spans;
import dev.quiver.search.searcher.ForwardingSink;
import dev.quiver.search.searcher.Sink;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the replacements of one file while passing every event on to the printer, so the
 * preview and the write use exactly the same matches. A match that ends on a CRLF line's
 * {@code \r} leaves the {@code \r} in place: line endings are never changed.
 */
public final class EditCollector extends ForwardingSink {
    private final List<Edit> edits = new ArrayList<>();

    public EditCollector(Sink delegate) {
        super(delegate);
    }

    public List<Edit> edits() {
        return edits;
    }

    public void reset() {
        edits.clear();
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        if (spans != null) {
            for (int i = 0; i < spans.count(); i++) {
                int s = spans.start(i);
                int e = spans.end(i);
                byte[] r = spans.replacement(i);
                if (e > s && buf[e - 1] == '\r' && (e == buf.length || e < buf.length && buf[e] == '\n')) {
                    e--;
                    if (r.length > 0 && r[r.length - 1] == '\r') {
                        r = java.util.Arrays.copyOf(r, r.length - 1);
                    }
                }
                edits.add(new Edit(base + s, base + e, r));
            }
        }
        delegate.match(buf, base, ls, le, lineNumber, spans);
    }

    @Override
    public boolean needsSpans() {
        return true;
    }

}
