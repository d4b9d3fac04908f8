package dev.quiver.cli.render;

import java.io.PrintWriter;

/** Tab-separated full values, one row per line, no header: for {@code cut}, {@code awk} and {@code sort}. */
final class TsvRenderer extends Renderer {
    TsvRenderer(PrintWriter out) {
        super(out);
    }

    @Override
    protected void write(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(Cells.display(Cells.text(values[i], " ")));
        }
        out.println(sb);
    }
}
