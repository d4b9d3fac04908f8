package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiver fields [PATTERN]}: field definitions. */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = {"List fields defined in an index.", "",
            "Columns: id, field, class, name, type, flags, value, path, line, app."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver fields --type Ljava/lang/String; --exact --flags 'static final' --value 'http*'",
            "  quiver fields 'Lcom/example/Config;->*'"})
public final class FieldsCommand extends ListingCommand {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "Full signature (Lcom/a/B;->count:I) or pattern.")
    String pattern;

    @Option(names = "--class", paramLabel = "PATTERN", description = "The defining class.")
    String clazz;

    @Option(names = "--name", paramLabel = "PATTERN", description = "The field name.")
    String name;

    @Option(names = "--type", paramLabel = "PATTERN", description = "The field type.")
    String type;

    @Option(names = "--flags", paramLabel = "KEYWORDS", description = "Access flags present ('static final').")
    String flags;

    @Option(names = "--value", paramLabel = "PATTERN", description = "The initial value as written in smali.")
    String value;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The source file path.")
    String path;

    @Override
    protected Listing listing() {
        return Listing.FIELDS;
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("field", pattern);
        out.put("class", clazz);
        out.put("name", name);
        out.put("type", type);
        out.put("flags", flags);
        out.put("value", value);
        out.put("path", path);
    }
}
