package dev.quiver.core.pipeline;

/** Receives the units of one input in their deterministic order. May block (back-pressure). */
public interface UnitConsumer {
    /** Optional hint: how many units will follow (for progress display). */
    void expect(long units, long bytes);

    void accept(WorkUnit unit) throws InterruptedException;
}
