package dev.quiver.core.pipeline;

import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;

/**
 * One independent piece of reading work: a .smali file, or a range of classes of a DEX file.
 * {@link #read()} runs on a worker thread; it must not share mutable state with other units.
 */
public interface WorkUnit {
    /** Source path relative to the input root; used in problems when {@link #read()} fails. */
    String path();

    /** Bytes this unit will read, for progress and MB/s (an estimate is fine). */
    long size();

    /** Reads the unit. Problems in the input are returned inside the unit, never thrown. */
    ParsedUnit read() throws Exception;

    /** A unit that is already known to be a problem (unreadable directory, FIFO, symlink loop...). */
    static WorkUnit failed(Problem problem) {
        return new WorkUnit() {
            @Override
            public String path() {
                return problem.path();
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public ParsedUnit read() {
                return ParsedUnit.failed(problem.path(), 0, problem);
            }
        };
    }
}
