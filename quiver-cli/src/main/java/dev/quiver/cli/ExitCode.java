package dev.quiver.cli;

/**
 * Process exit codes, shared by every subcommand and documented in {@code quiver --help}.
 * The numbers are part of Quiver's interface: scripts depend on them.
 */
public enum ExitCode {
    /** Everything asked for was done; for {@code search}: at least one match. */
    OK(0, "success (search: a match was found; queries: rows were printed)"),
    /** The search or question ran and found nothing (no match, no row, no path). */
    NO_MATCH(1, "nothing found (search: no match; queries: no row)"),
    /** Bad usage or a fatal error: the requested output was not produced (details on stderr). */
    ERROR(2, "usage or fatal error; nothing written (search: an error occurred)"),
    /** The run finished and wrote its output, but some inputs had problems (recorded in the output). */
    COMPLETED_WITH_PROBLEMS(3, "completed with problems: output written, see its problems table"),
    /** {@code quiver graph}: Graphviz {@code dot} is not installed, so the DOT was written instead of the drawing. */
    GRAPHVIZ_MISSING(4, "graph: Graphviz 'dot' not found; the graph was written as DOT instead (see the message)"),
    /** Interrupted (Ctrl-C); nothing half-written was left behind. */
    INTERRUPTED(130, "interrupted; no partial output left behind");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The table printed at the end of {@code --help}. */
    public static String helpTable() {
        StringBuilder sb = new StringBuilder();
        for (ExitCode e : values()) {
            // Not String.format: it loads the formatter and locale data, ~15 ms on every run.
            String n = Integer.toString(e.code);
            sb.append("  ").append("   ".substring(n.length())).append(n).append("  ").append(e.meaning)
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }
}
