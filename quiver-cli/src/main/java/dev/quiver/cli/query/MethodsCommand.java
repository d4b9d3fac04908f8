package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiver methods [PATTERN]}: method definitions. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = {"List methods defined in an index (overloads are separate rows).",
            "",
            "Columns: id, method, class, name, descriptor, parameters, return_type, flags, registers, path, line, "
                + "last_line, app."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver methods 'Lcom/example/Crypto;->*'",
            "  quiver methods --name onReceive --exact",
            "  quiver methods --flags native --columns method,path",
            "  quiver methods --return '[B' --exact --class '*Cipher*'"})
public final class MethodsCommand extends ListingCommand {
    @Parameters(arity = "0..1", paramLabel = "PATTERN",
            description = "Full signature (Lcom/a/B;->foo(I)V) or pattern over it.")
    String pattern;

    @Option(names = "--class", paramLabel = "PATTERN", description = "The defining class.")
    String clazz;

    @Option(names = "--name", paramLabel = "PATTERN", description = "The method name.")
    String name;

    @Option(names = "--descriptor", paramLabel = "PATTERN", description = "The descriptor, (I[B)V.")
    String descriptor;

    @Option(names = "--params", paramLabel = "PATTERN", description = "The parameter types, I[B.")
    String params;

    @Option(names = "--return", paramLabel = "PATTERN", description = "The return type.")
    String returnType;

    @Option(names = "--flags", paramLabel = "KEYWORDS", description = "Access flags present ('public static', '!abstract').")
    String flags;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The source file path.")
    String path;

    @Override
    protected Listing listing() {
        return Listing.METHODS;
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("method", pattern);
        out.put("class", clazz);
        out.put("name", name);
        out.put("descriptor", descriptor);
        out.put("parameters", params);
        out.put("return_type", returnType);
        out.put("flags", flags);
        out.put("path", path);
    }
}
