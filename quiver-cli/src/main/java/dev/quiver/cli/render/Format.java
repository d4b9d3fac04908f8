package dev.quiver.cli.render;

/** How answer rows are printed. */
public enum Format {
    /** Aligned columns with a header, values shortened with … to fit the terminal (the default on a terminal). */
    TABLE,
    /** Tab-separated full values, no header (the default when piped). */
    TSV,
    /** JSON Lines: one object per row. */
    JSON,
    /** CSV with a header line (RFC 4180). */
    CSV
}
