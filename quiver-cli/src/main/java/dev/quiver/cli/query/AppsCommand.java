package dev.quiver.cli.query;

import dev.quiver.core.query.Listing;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiver apps}: the inputs of an index with their identity (what {@code --app} selects). */
@Command(name = "apps", mixinStandardHelpOptions = true,
        description = {"List the inputs (apps) of an index: id, kind, size, SHA-256, package, version, SDKs, and "
                + "how many files, classes and problems each has. Every query command's --app takes the id, the path, "
                + "the file name, the package or a SHA-256 prefix (6+ hex digits).", "",
            "Columns: id, path, kind, bytes, sha256, package, version_code, version_name, min_sdk, target_sdk, files, "
                + "classes, problems."},
        footerHeading = "%nExamples:%n",
        footer = {"  quiver apps --db samples.db", "  quiver apps --json", "  quiver apps --package 'com.evil.*'"})
public final class AppsCommand extends ListingCommand {
    @Option(names = "--package", paramLabel = "PATTERN", description = "The manifest's package.")
    String packageName;

    @Option(names = "--sha256", paramLabel = "PATTERN", description = "The SHA-256 (a prefix: 'abc123*').")
    String sha256;

    @Option(names = "--kind", paramLabel = "PATTERN", description = "apk, dex or smali.")
    String kind;

    @Override
    protected Listing listing() {
        return Listing.APPS;
    }

    @Override
    protected void filters(Map<String, String> out) {
        out.put("package", packageName);
        out.put("sha256", sha256);
        out.put("kind", kind);
    }
}
