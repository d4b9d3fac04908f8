package dev.quiver.cli.render;

import dev.quiver.core.query.RowJson;
import java.io.PrintWriter;

/** JSON Lines in the shape {@link RowJson} defines (the REST API's too). */
final class JsonRenderer extends Renderer {
    JsonRenderer(PrintWriter out) {
        super(out);
    }

    @Override
    protected void write(Object[] values) {
        out.println(RowJson.toString(columns, values));
    }
}
