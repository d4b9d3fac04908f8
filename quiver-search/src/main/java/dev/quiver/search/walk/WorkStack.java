package dev.quiver.search.walk;

import java.util.ArrayDeque;

/**
 * The walkers' shared stack of work. {@link #take} blocks until there is work or everything is
 * done; "done" is known exactly: every pushed item is matched by one {@link #finished} call, and
 * when the outstanding count reaches zero no one can push any more.
 */
final class WorkStack {
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private int outstanding;
    private boolean closed;
    private Error failure;

    synchronized void push(Object item) {
        if (closed) {
            return;
        }
        items.push(item);
        outstanding++;
        notify();
    }

    /** The next item, or null when the walk is over (or stopped). */
    synchronized Object take() {
        while (items.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                notifyAll();
                return null;
            }
        }
        return closed ? null : items.pop();
    }

    /** One taken item is fully handled (its children, if any, were pushed before). */
    synchronized void finished() {
        outstanding--;
        if (outstanding == 0) {
            closed = true;
            notifyAll();
        }
    }

    /** Called once all roots are pushed: with nothing to do (every root failed), the walk is over. */
    synchronized void rootsPushed() {
        if (outstanding == 0) {
            closed = true;
            notifyAll();
        }
    }

    synchronized void stop() {
        closed = true;
        items.clear();
        notifyAll();
    }

    synchronized void fail(Error e) {
        if (failure == null) {
            failure = e;
        }
        stop();
    }

    synchronized void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }
}
