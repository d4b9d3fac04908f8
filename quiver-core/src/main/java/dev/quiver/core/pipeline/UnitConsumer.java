package dev.quiver.core.pipeline;

import dev.quiver.core.model.Manifest;

/** Receives the units of one input in their deterministic order. May block (back-pressure). */
public interface UnitConsumer {
    /** Optional hint: how many units will follow (for progress display). */
    void expect(long units, long bytes);

    void accept(WorkUnit unit) throws InterruptedException;

    /** The input's manifest, when it has one (at most once per input, at any point of the enumeration). */
    default void manifest(Manifest manifest) throws InterruptedException {
    }
}
