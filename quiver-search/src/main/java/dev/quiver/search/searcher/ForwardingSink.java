package dev.quiver.search.searcher;

import dev.quiver.search.match.Spans;

/** A sink that passes everything on to another one; subclasses watch or add to the stream. */
public abstract class ForwardingSink implements Sink {
    protected final Sink delegate;

    protected ForwardingSink(Sink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void match(byte[] buf, long base, int ls, int le, long lineNumber, Spans spans) {
        delegate.match(buf, base, ls, le, lineNumber, spans);
    }

    @Override
    public void context(byte[] buf, long base, int ls, int le, long lineNumber) {
        delegate.context(buf, base, ls, le, lineNumber);
    }

    @Override
    public void contextBreak() {
        delegate.contextBreak();
    }

    @Override
    public void binaryMatch(long nulOffset) {
        delegate.binaryMatch(nulOffset);
    }

    @Override
    public void binaryStopped(long nulOffset) {
        delegate.binaryStopped(nulOffset);
    }

    @Override
    public boolean needsSpans() {
        return delegate.needsSpans();
    }

    /**
     * True, whatever the delegate says: a forwarding sink watches the lines itself (the edits of
     * {@code --write}, the first match for {@code --edit}), also when its printer prints none
     * ({@code -c}, {@code -l}), so the searcher must not skip them.
     */
    @Override
    public boolean wantsLines() {
        return true;
    }
}
