package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiver calls}: every invoke instruction, filtered by caller, callee and kind. */
@Command(name = "calls", mixinStandardHelpOptions = true,
        description = {"List call sites (invoke-* instructions): caller, kind, callee as the bytecode names it.", "",
            "For transitive callers and callees use 'quiver xref'. Columns: id, caller, callee, kind, target_class, "
                + "target_name, target_descriptor, caller_class, registers, extra, path, line, app."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  quiver calls --callee 'Landroid/telephony/SmsManager;->sendTextMessage*'",
            "  quiver calls --target-class Ljavax/crypto/Cipher; --exact --columns caller,callee,line",
            "  quiver calls --caller 'Lcom/example/*' --kind static --count"})
public final class CallsCommand extends ListingCommand {
    @Option(names = "--caller", paramLabel = "PATTERN", description = "The calling method's signature.")
    String caller;

    @Option(names = "--caller-class", paramLabel = "PATTERN", description = "The calling method's class.")
    String callerClass;

    @Option(names = {"--callee", "--target"}, paramLabel = "PATTERN", description = "The called method's signature.")
    String callee;

    @Option(names = "--target-class", paramLabel = "PATTERN", description = "The called method's class.")
    String targetClass;

    @Option(names = "--target-name", paramLabel = "PATTERN", description = "The called method's name.")
    String targetName;

    @Option(names = "--kind", paramLabel = "PATTERN", description = "Invoke kind: virtual, static, direct, super, "
            + "interface, polymorphic, custom (…/range too).")
    String kind;

    @Option(names = "--path", paramLabel = "PATTERN", description = "The caller's source file path.")
    String path;

    @Override
    protected Listing listing() {
        return Listing.CALLS;
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("caller", caller);
        out.put("caller_class", callerClass);
        out.put("callee", callee);
        out.put("target_class", targetClass);
        out.put("target_name", targetName);
        out.put("kind", kind);
        out.put("path", path);
    }
}
