package dev.quiver.search.report;

/** Where the engine reports problems; a search goes on after each one. Thread-safe. */
public interface Reporter {
    /** A problem with one input (unreadable file, bad ignore file…): the exit code becomes 2. */
    void error(String message);

    /** Information that is not an error (a skipped file changed during a rewrite is an error). */
    void note(String message);
}
