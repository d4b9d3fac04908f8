package dev.quiver.cli.query;

import dev.quiver.cli.ExitCode;
import dev.quiver.cli.render.Cells;
import dev.quiver.cli.render.Format;
import dev.quiver.cli.render.Renderer;
import dev.quiver.core.model.Manifest;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.Manifests;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.RowJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiver manifest [--app APP] [--json]}: what each app's manifest declares. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = {"Show each app's manifest: package, version, SDKs, the application attributes analysts check "
                + "(debuggable, allowBackup, usesCleartextTraffic, networkSecurityConfig, Application class), the "
                + "permissions requested and defined, and the components with whether they are exported (explicit, "
                + "or implied by an intent filter and the target SDK), their permission and intent filters.", "",
            "--json prints one object per app with everything (intent filters included). For filtering, 'quiver sql' "
                + "on the components, permissions and intent_filter_items tables (docs/SCHEMA.md)."},
        footerHeading = "%nExamples:%n",
        footer = {"  quiver manifest --db app.db", "  quiver manifest --app com.example.app --exported",
            "  quiver manifest --json | jq '.components[] | select(.exported) | .class'"})
public final class ManifestCommand extends QueryCommand {
    @Option(names = "--app", paramLabel = "APP", description = "Only this input: id, path, package or SHA-256 prefix.")
    String app;

    @Option(names = "--exported", description = "List only exported components.")
    boolean exported;

    @Override
    protected ExitCode execute(Index index, Deadline deadline) throws QueryException, IOException {
        List<Manifests.AppManifest> all = Manifests.of(index, app, deadline);
        if (all.isEmpty()) {
            err().println("quiver: no manifest in " + (app == null ? "the index" : "app " + app)
                    + " (a DEX file or a smali tree without AndroidManifest.xml has none)");
            err().flush();
            return ExitCode.NO_MATCH;
        }
        PrintWriter out = out();
        if (output.format() == Format.JSON) {
            for (Manifests.AppManifest am : all) {
                var map = Manifests.toMap(am);
                if (exported) {
                    ((List<?>) map.get("components")).removeIf(c -> !Boolean.TRUE.equals(((java.util.Map<?, ?>) c)
                            .get("exported")));
                }
                try (var g = RowJson.generator(out)) {
                    RowJson.writeValue(g, map);
                }
                out.println();
            }
            out.flush();
            return ExitCode.OK;
        }
        boolean first = true;
        for (Manifests.AppManifest am : all) {
            if (!first) {
                out.println();
            }
            first = false;
            header(out, am);
            section(index, deadline, out, Listing.PERMISSIONS, am.app().id(), "permissions",
                    List.of("kind", "name", "protection_level", "max_sdk"));
            section(index, deadline, out, Listing.COMPONENTS, am.app().id(), exported ? "exported components" : "components",
                    List.of("kind", "class", "exported", "permission", "actions", "categories", "data"));
        }
        out.flush();
        return ExitCode.OK;
    }

    private void header(PrintWriter out, Manifests.AppManifest am) {
        Manifest m = am.manifest();
        Manifest.Application a = m.application();
        int target = m.effectiveTargetSdk();
        out.println("app " + am.app().id() + ": " + show(m.packageName()) + " " + show(m.versionName()) + " (versionCode "
                + show(m.versionCode()) + "), min SDK " + show(m.minSdk()) + ", target SDK " + show(m.targetSdk()) + "  ["
                + m.source() + " manifest]");
        out.println("  " + Cells.display(am.app().path()));
        out.println("application " + show(a.className()));
        out.println("  debuggable " + flag(a.debuggable(), "false") + ", allowBackup " + flag(a.allowBackup(), "true")
                + ", usesCleartextTraffic " + flag(a.usesCleartextTraffic(), target < 28 ? "true, target SDK < 28"
                : "false, target SDK >= 28") + ", networkSecurityConfig " + show(a.networkSecurityConfig()));
        List<String> more = new ArrayList<>();
        if (a.testOnly() != null) {
            more.add("testOnly " + a.testOnly());
        }
        if (a.permission() != null) {
            more.add("permission " + Cells.display(a.permission()));
        }
        if (a.process() != null) {
            more.add("process " + Cells.display(a.process()));
        }
        if (a.enabled() != null) {
            more.add("enabled " + a.enabled());
        }
        if (a.appComponentFactory() != null) {
            more.add("appComponentFactory " + Cells.display(a.appComponentFactory()));
        }
        if (a.backupAgent() != null) {
            more.add("backupAgent " + Cells.display(a.backupAgent()));
        }
        if (!more.isEmpty()) {
            out.println("  " + String.join(", ", more));
        }
    }

    private void section(Index index, Deadline deadline, PrintWriter out, Listing listing, long appId, String title,
                         List<String> columns) throws QueryException, IOException {
        ListQuery q = ListQuery.of(listing).withApp(Long.toString(appId))
                .withColumns(output.columns.isEmpty() ? columns : output.columns);
        if (exported && listing == Listing.COMPONENTS) {
            q = q.where("exported", dev.quiver.core.query.NamePattern.exact("true"));
        }
        long n = index.count(q, deadline);
        out.println(title + " (" + n + "):");
        out.flush();
        Renderer r = output.renderer(out);
        index.stream(q, deadline, r);
        r.finish();
    }

    private static String show(Object v) {
        return v == null ? "-" : Cells.display(v.toString());
    }

    private static String flag(Boolean v, String dflt) {
        return v == null ? "not set (" + dflt + ")" : v.toString();
    }
}
