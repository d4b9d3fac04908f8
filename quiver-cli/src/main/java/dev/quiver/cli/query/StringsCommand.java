package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiver strings [PATTERN]}: string constants and the methods that load them. */
@Command(name = "strings", mixinStandardHelpOptions = true,
        description = {"List string constants (const-string) with the method that loads each.", "",
            "Columns: id, value, method, class, jumbo, path, line, app."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver strings 'http*'",
            "  quiver strings --regex '^https?://[^/]*\\.ru/'",
            "  quiver strings -i password --columns value,method"})
public final class StringsCommand extends ListingCommand {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "The string value (substring, glob or regex).")
    String pattern;

    @Option(names = "--method", paramLabel = "PATTERN", description = "The loading method's signature.")
    String method;

    @Option(names = "--class", paramLabel = "PATTERN", description = "The loading method's class.")
    String clazz;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The source file path.")
    String path;

    @Override
    protected Listing listing() {
        return Listing.STRINGS;
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("value", pattern);
        out.put("method", method);
        out.put("class", clazz);
        out.put("path", path);
    }
}
