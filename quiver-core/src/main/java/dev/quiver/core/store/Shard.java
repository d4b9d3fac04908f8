package dev.quiver.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One SQLite connection and the work done on it: inline on the caller's thread, or on a thread of
 * its own fed by a bounded queue. A database file has a single writer, so parallel writing means
 * several files: each shard owns some tables, and the writer copies them into the main file at the
 * end (see {@link SqliteIndexWriter}).
 */
final class Shard implements AutoCloseable {
    /** Work for a shard; runs with the shard's connection, on the shard's thread. */
    interface Task {
        void run(Connection conn) throws SQLException;
    }

    private static final Task END = conn -> { };

    private final Connection conn;
    private final BlockingQueue<Task> queue;
    private final Thread thread;
    private volatile Throwable failure;

    /** @param threaded run tasks on a thread named {@code quiver-write-NAME}; else inline */
    Shard(Connection conn, String name, boolean threaded) {
        this.conn = conn;
        if (!threaded) {
            this.queue = null;
            this.thread = null;
            return;
        }
        this.queue = new ArrayBlockingQueue<>(8);
        this.thread = new Thread(this::loop, "quiver-write-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        try {
            while (true) {
                Task t = queue.take();
                if (t == END) {
                    return;
                }
                if (failure == null) {
                    t.run(conn);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            queue.clear(); // unblock a producer waiting on a full queue; later tasks are dropped
            drainUntilEnd();
        }
    }

    /** After a failure, keep taking (and discarding) tasks so producers never block forever. */
    private void drainUntilEnd() {
        try {
            while (queue.take() != END) {
                queue.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code task} now (inline) or queues it (threaded, blocking while the queue is full). */
    void run(Task task) throws SQLException {
        rethrow();
        if (thread == null) {
            task.run(conn);
            return;
        }
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing", e);
        }
    }

    /** Waits until every queued task has run; rethrows the first failure. */
    void finish() throws SQLException {
        if (thread != null && thread.isAlive()) {
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while writing", e);
            }
        }
        rethrow();
    }

    private void rethrow() throws SQLException {
        Throwable f = failure;
        if (f instanceof SQLException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new SQLException(f.getMessage(), f);
        }
    }

    @Override
    public void close() throws SQLException {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
        }
        if (!conn.isClosed()) {
            conn.close();
        }
    }
}
