package dev.quiver.core.xref;

import java.util.List;

/**
 * One call path: {@code steps.get(0)} calls {@code steps.get(1)}, which calls … the last step.
 * Each step but the last carries where its code makes the call to the next one.
 */
public record CallPath(List<Step> steps) {
    public CallPath {
        steps = List.copyOf(steps);
    }

    /**
     * One method of a path.
     *
     * @param method   full signature
     * @param kind     the invoke kind of the call to the next step (null for the last step)
     * @param dispatch the call names another method that dispatches to the next step
     * @param path     the source file of that call (null for the last step)
     * @param line     its line
     */
    public record Step(String method, String kind, boolean dispatch, String path, int line) {
    }

    /** Number of calls. */
    public int length() {
        return steps.size() - 1;
    }
}
