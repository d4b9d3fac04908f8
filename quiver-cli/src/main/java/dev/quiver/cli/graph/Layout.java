package dev.quiver.cli.graph;

import java.util.Locale;

/**
 * The Graphviz layout engines {@code --layout} can choose ({@code dot -K}): {@code dot} draws
 * hierarchies (the default), the others are for undirected-looking pictures of big graphs.
 * smalisca's {@code --prog} offered the same engines.
 */
public enum Layout {
    DOT, NEATO, FDP, SFDP, CIRCO, TWOPI, OSAGE, PATCHWORK, NOP;

    /** Reads the option value in any case; names the choices in lower case when it cannot. */
    public static final class Converter extends EnumValue<Layout> {
        public Converter() {
            super(Layout.class);
        }
    }

    /** Lower case: as Graphviz and users spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
