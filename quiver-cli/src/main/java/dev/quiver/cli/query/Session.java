package dev.quiver.cli.query;

import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The index and the running question of this process. A one-shot command opens its index and
 * closes it when done; the shell opens one ({@code open DB}) and keeps it for every command, so
 * what an index caches (the class hierarchy) is built once, and Ctrl-C can cancel the question
 * that is running ({@link #cancelRunning}).
 */
public final class Session {
    /** The default index when none is named and none is open. */
    public static final Path DEFAULT_DB = Path.of("quiver.db");

    private static Index shared;
    private static volatile Deadline running;

    private Session() {
    }

    /** Work done with an open index. */
    public interface IndexWork<T> {
        T run(Index index) throws QueryException, IOException;
    }

    /**
     * Runs {@code work} on the index {@code db} names: the shell's open index when {@code db} is
     * null or names the same file, else one opened for this call.
     */
    public static <T> T withIndex(Path db, IndexWork<T> work) throws QueryException, IOException {
        Index open;
        synchronized (Session.class) {
            open = shared;
        }
        if (open != null && (db == null || sameFile(db, open.file()))) {
            return work.run(open);
        }
        try (Index index = Index.open(db != null ? db : DEFAULT_DB)) {
            return work.run(index);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Opens {@code db} as the shell's index, closing the previous one. */
    public static synchronized Index open(Path db) throws QueryException {
        Index next = Index.open(db);
        if (shared != null) {
            shared.close();
        }
        shared = next;
        return next;
    }

    /** The shell's open index, or null. */
    public static synchronized Index current() {
        return shared;
    }

    /** Closes the shell's index. */
    public static synchronized void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** A fresh deadline for the command about to run (no time limit; Ctrl-C in the shell cancels it). */
    public static Deadline begin() {
        Deadline d = Deadline.none();
        if (Thread.currentThread().isInterrupted()) {
            // Ctrl-C came while the command was still being set up: the question starts cancelled
            d.cancel();
        }
        running = d;
        return d;
    }

    /** Cancels the running question, if any; returns whether there was one. */
    public static boolean cancelRunning() {
        Deadline d = running;
        if (d != null) {
            d.cancel();
            return true;
        }
        return false;
    }

    /** Called when a command ends. */
    public static void end() {
        running = null;
    }
}
