package dev.quiver.search.print;

/** The ANSI colours used on a terminal (ripgrep's defaults). */
final class Ansi {
    static final String PATH = "\033[35m";
    static final String LINE = "\033[32m";
    static final String MATCH = "\033[1;31m";
    static final String RESET = "\033[0m";

    private Ansi() {
    }
}
