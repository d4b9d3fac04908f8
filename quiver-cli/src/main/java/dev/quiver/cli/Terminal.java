package dev.quiver.cli;

/** What we know about the user's terminal. */
final class Terminal {
    private Terminal() {
    }

    /** True when stdin/stdout are a terminal (the JDK cannot test stderr alone). */
    static boolean interactive() {
        return System.console() != null && System.getenv("QUIVER_NO_PROGRESS") == null;
    }
}
