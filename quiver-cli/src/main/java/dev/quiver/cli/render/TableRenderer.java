package dev.quiver.cli.render;

import dev.quiver.core.query.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns with a header. Column widths come from the header and the first
 * {@link #SAMPLE} rows; when they do not fit the terminal, the widest columns give way first,
 * and values are shortened with {@code …}, never wrapped. Numbers are right-aligned.
 */
final class TableRenderer extends Renderer {
    static final int SAMPLE = 500;
    private static final String GAP = "  ";
    private final int maxWidth;
    private final List<String[]> held = new ArrayList<>();
    private int[] widths;

    TableRenderer(PrintWriter out, int maxWidth) {
        super(out);
        this.maxWidth = maxWidth;
    }

    @Override
    protected void write(Object[] values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = Cells.display(Cells.text(values[i], " > "));
        }
        if (widths == null) {
            held.add(cells);
            if (held.size() >= SAMPLE) {
                layout();
            }
        } else {
            print(cells);
        }
    }

    @Override
    protected void end() {
        if (widths == null && !held.isEmpty()) {
            layout(); // no rows, no header: an empty answer prints nothing (exit code 1 says so)
        }
    }

    private void layout() {
        int n = columns.size();
        widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = Cells.width(columns.get(i).name());
        }
        for (String[] r : held) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], Cells.width(r[i]));
            }
        }
        if (maxWidth > 0) {
            fit();
        }
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = columns.get(i).name();
        }
        print(header, false);
        for (String[] r : held) {
            print(r);
        }
        held.clear();
    }

    /** Narrows the widest columns until the row fits (no column below its header or 6 columns). */
    private void fit() {
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > maxWidth) {
            int widest = 0;
            for (int i = 1; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            int floor = Math.max(6, Cells.width(columns.get(widest).name()));
            if (widths[widest] <= floor) {
                return; // nothing left to narrow: let the terminal cut the line
            }
            widths[widest]--;
            total--;
        }
    }

    private void print(String[] cells) {
        print(cells, true);
    }

    private void print(String[] cells, boolean alignNumbers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = Cells.shorten(cells[i], widths[i]);
            boolean last = i == cells.length - 1;
            int pad = widths[i] - Cells.width(c);
            boolean right = alignNumbers && columns.get(i).type() == Column.Type.INTEGER;
            if (right) {
                sb.append(" ".repeat(pad)).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(pad));
                }
            }
            if (!last) {
                sb.append(GAP);
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
