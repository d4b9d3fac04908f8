package dev.quiver.cli;

/** What we know about the user's terminal. */
final class Terminal {
    private Terminal() {
    }

    /** True when stdin/stdout are a terminal (the JDK cannot test stderr alone). */
    static boolean interactive() {
        return System.console() != null && System.getenv("QUIVER_NO_PROGRESS") == null;
    }

    /** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return interactive() && (noColor == null || noColor.isEmpty());
    }
}
