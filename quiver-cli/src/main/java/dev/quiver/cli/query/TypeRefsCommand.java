package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiver type-refs}: new-instance, const-class, check-cast, instance-of, new-array instructions. */
@Command(name = "type-refs", mixinStandardHelpOptions = true,
        description = {"List type references (new-instance, const-class, check-cast, instance-of, new-array, "
                + "filled-new-array).", "",
            "Columns: id, method, kind, type, class, path, line, app."},
        footerHeading = "%nExamples:%n",
        footer = {"  quiver type-refs --type 'Ldalvik/system/DexClassLoader;' --kind new-instance"})
public final class TypeRefsCommand extends ListingCommand {
    @Option(names = "--method", paramLabel = "PATTERN", description = "The referencing method's signature.")
    String method;

    @Option(names = "--class", paramLabel = "PATTERN", description = "The referencing method's class.")
    String clazz;

    @Option(names = "--type", paramLabel = "PATTERN", description = "The type referenced.")
    String type;

    @Option(names = "--kind", paramLabel = "PATTERN", description = "The opcode.")
    String kind;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The source file path.")
    String path;

    @Override
    protected Listing listing() {
        return Listing.TYPE_REFS;
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("method", method);
        out.put("class", clazz);
        out.put("type", type);
        out.put("kind", kind);
        out.put("path", path);
    }
}
