package dev.quiver.core.source;

import java.util.List;

/**
 * A method's smali code, or why it cannot be shown.
 *
 * @param origin    how it was obtained: {@link #FILE} (read from the smali source file) or
 *                  {@link #BAKSMALI} (rendered from the DEX); null when unavailable
 * @param firstLine the number of the first line in its file (1-based; 1 for rendered code)
 * @param lines     the lines, from {@code .method} to {@code .end method}; empty when unavailable
 * @param note      what the reader should know: why there is no code (the file moved, changed, or
 *                  is not readable), or null
 */
public record MethodCode(String origin, int firstLine, List<String> lines, String note) {
    /** Read from the smali file the index was built from. */
    public static final String FILE = "file";
    /** Rendered from the DEX by baksmali. */
    public static final String BAKSMALI = "baksmali";

    public MethodCode {
        lines = List.copyOf(lines);
    }

    /** No code, with the reason. */
    public static MethodCode unavailable(String note) {
        return new MethodCode(null, 0, List.of(), note);
    }

    public boolean available() {
        return origin != null;
    }
}
