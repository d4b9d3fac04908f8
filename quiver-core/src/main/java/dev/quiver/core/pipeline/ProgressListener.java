package dev.quiver.core.pipeline;

/** Progress callbacks from the pipeline, always on the sink's thread. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void expected(long units, long bytes) {
        }

        @Override
        public void written(long units, long bytes) {
        }
    };

    /** A total became known (it grows with each input). */
    void expected(long units, long bytes);

    /** Units and bytes written so far (cumulative). */
    void written(long units, long bytes);

    /** Everything is read; the output is being finished (indexes, final move). */
    default void finishing() {
    }

    /** Something the user should know that is not a problem in the input (a duplicate sample skipped). */
    default void note(String message) {
    }

    /** A problem was recorded (in input order). */
    default void problem(dev.quiver.core.model.Problem problem) {
    }
}
