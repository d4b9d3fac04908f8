package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiver field-refs}: every field access instruction. */
@Command(name = "field-refs", mixinStandardHelpOptions = true,
        description = {"List field accesses (iget/iput/sget/sput), framework fields included.", "",
            "Columns: id, method, field, kind, access, target_class, target_name, target_type, class, path, line, app."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver field-refs --field 'Landroid/os/Build;->SERIAL:Ljava/lang/String;'",
            "  quiver field-refs --target-class 'Lcom/example/Config;' --exact --access write"})
public final class FieldRefsCommand extends ListingCommand {
    @Option(names = "--method", paramLabel = "PATTERN", description = "The accessing method's signature.")
    String method;

    @Option(names = "--class", paramLabel = "PATTERN", description = "The accessing method's class.")
    String clazz;

    @Option(names = "--field", paramLabel = "PATTERN", description = "The field's signature.")
    String field;

    @Option(names = "--target-class", paramLabel = "PATTERN", description = "The field's class.")
    String targetClass;

    @Option(names = "--target-name", paramLabel = "PATTERN", description = "The field's name.")
    String targetName;

    @Option(names = "--kind", paramLabel = "PATTERN", description = "The opcode: iget-object, sput-wide, …")
    String kind;

    @Option(names = "--access", paramLabel = "read|write", description = "Reads or writes only.")
    String access;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The source file path.")
    String path;

    @Override
    protected Listing listing() {
        return Listing.FIELD_REFS;
    }

    @Override
    protected void validate() {
        super.validate();
        if (access != null && !access.toLowerCase(Locale.ROOT).matches("read|write")) {
            throw usage("bad --access '" + access + "' (expected read or write)");
        }
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("method", method);
        out.put("class", clazz);
        out.put("field", field);
        out.put("target_class", targetClass);
        out.put("target_name", targetName);
        out.put("kind", kind);
        out.put("path", path);
        if (access != null) {
            out.put("access", access.toLowerCase(Locale.ROOT));
        }
    }
}
