package dev.quiver.cli.graph;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats of {@code quiver graph}: DOT and JSON written by Quiver, the others drawn by
 * Graphviz (JPG and XDOT too, the formats smalisca's drawing commands offered besides these).
 */
public enum GraphFormat {
    DOT(false), SVG(true), PNG(true), PDF(true), JPG(true), XDOT(true), JSON(false);

    private final boolean drawn;

    GraphFormat(boolean drawn) {
        this.drawn = drawn;
    }

    /** Whether Graphviz {@code dot} makes this format (from the DOT text). */
    public boolean drawn() {
        return drawn;
    }

    /** Whether the format is binary (not for a terminal or a text stream). */
    public boolean binary() {
        return this == PNG || this == PDF || this == JPG;
    }

    /** The format a file name's extension names ({@code .gv} is DOT too), or null. */
    public static GraphFormat ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (ext.equals("gv")) {
            return DOT;
        }
        if (ext.equals("jpeg")) {
            return JPG;
        }
        for (GraphFormat f : values()) {
            if (f.toString().equals(ext)) {
                return f;
            }
        }
        return null;
    }

    /** Reads the option value in any case; names the choices in lower case when it cannot. */
    public static final class Converter extends EnumValue<GraphFormat> {
        public Converter() {
            super(GraphFormat.class);
        }
    }

    /** Lower case: how users type it, and what help and shell completion show. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
