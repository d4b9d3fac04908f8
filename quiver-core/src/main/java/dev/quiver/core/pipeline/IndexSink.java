package dev.quiver.core.pipeline;

import dev.quiver.core.model.ParsedUnit;
import java.io.IOException;

/**
 * Where parsed units go: the SQLite writer, the JSON writer. Called from one thread only,
 * in input order, so implementations need no locking and produce deterministic output; the one
 * exception is {@link #prepare}, which the parse workers call concurrently.
 */
public interface IndexSink extends AutoCloseable {
    /** A new input starts; all units until {@link #endInput} belong to it. */
    void beginInput(String path, String kind) throws IOException;

    /**
     * A hint, before the units of the current input: how many will come and how many bytes they
     * hold (may come more than once; it is only a hint).
     */
    default void expect(long units, long bytes) throws IOException {
    }

    void accept(ParsedUnit unit) throws IOException;

    /**
     * Work on a unit that needs no order, done ahead of {@link #accept(ParsedUnit, Object)} on the
     * worker thread that read it, concurrently with other workers and with the sink's own thread
     * (so it must be thread-safe). What it returns is handed to {@code accept} with the unit.
     */
    default Object prepare(ParsedUnit unit) {
        return null;
    }

    /** Takes a unit with what {@link #prepare} returned for it; by default {@link #accept(ParsedUnit)}. */
    default void accept(ParsedUnit unit, Object prepared) throws IOException {
        accept(unit);
    }

    /**
     * What identifies the current input (size, SHA-256, manifest), once it has been read: called once,
     * just before {@link #endInput()}.
     */
    default void describe(InputInfo info) throws IOException {
    }

    void endInput() throws IOException;

    /** Makes everything written durable and visible at its final place. Not called on failure. */
    void commit() throws IOException;

    /** Releases resources; without a prior {@link #commit}, discards everything written. */
    @Override
    void close() throws IOException;
}
