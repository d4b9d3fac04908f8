package dev.quiver.core.query;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The time budget and cancel switch of one question. The index checks it while SQLite runs (a
 * progress handler) and while a regex runs (the text a regex reads is wrapped by {@link #guard},
 * whose {@code charAt} looks at the clock), so neither a slow query nor a catastrophic regex such as
 * {@code (a+)+$} can hold a thread past it. The web server gives every request one; the shell
 * cancels the running command with {@link #cancel} on Ctrl-C.
 */
public final class Deadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;
    private final String what;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private Deadline(long endNanos, String what) {
        this.endNanos = endNanos;
        this.what = what;
    }

    /** A budget of {@code millis} from now (0 or less: none, only cancellation). */
    public static Deadline in(long millis) {
        return new Deadline(millis > 0 ? System.nanoTime() + millis * 1_000_000L : Long.MAX_VALUE,
                millis > 0 ? "the time limit of " + millis + " ms" : "");
    }

    /** No time limit; can still be cancelled. */
    public static Deadline none() {
        return in(0);
    }

    /** Stops the question at its next check (from any thread). */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /** True when the question must stop now. */
    public boolean expired() {
        return cancelled.get() || endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0;
    }

    /** Throws {@link Exceeded} when expired; cheap enough for inner loops of graph walks. */
    public void check() {
        if (expired()) {
            throw new Exceeded(this);
        }
    }

    /** The exception a front end sees. */
    QueryException exception() {
        return new QueryException(QueryException.Kind.TIMEOUT,
                cancelled.get() ? "cancelled" : "the question took longer than " + what + "; narrow it");
    }

    /** Makes {@code d} the thread's current deadline; returns the previous one for {@link #leave}. */
    static Deadline enter(Deadline d) {
        Deadline previous = CURRENT.get();
        CURRENT.set(d);
        return previous;
    }

    /** Restores the deadline {@link #enter} returned. */
    static void leave(Deadline previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The current thread's deadline, or null. */
    static Deadline current() {
        return CURRENT.get();
    }

    /** {@code text}, wrapped so that a regex reading it stops at the current deadline. */
    static CharSequence guard(String text) {
        Deadline d = CURRENT.get();
        return d == null ? text : new Guarded(text, d);
    }

    /** Thrown out of a regex or a walk when the deadline passed; turned into a {@link QueryException}. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Deadline deadline;

        Exceeded(Deadline deadline) {
            super("deadline", null, false, false);
            this.deadline = deadline;
        }

        QueryException toQueryException() {
            return deadline.exception();
        }
    }

    /** A string whose every 4096th read looks at the clock. */
    private static final class Guarded implements CharSequence {
        private final String text;
        private final Deadline deadline;
        private int reads;

        Guarded(String text, Deadline deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 4095) == 0) {
                deadline.check();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
