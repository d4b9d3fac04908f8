package dev.quiver.core.xref;

import dev.quiver.core.query.App;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Hierarchy;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.Manifests;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import dev.quiver.core.model.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Android enters an app's code: the methods the framework calls on the components the manifest
 * declares, for {@code xref --from-entry-points}. For each component class (an activity-alias: its target
 * activity), the lifecycle methods of its kind that it defines or inherits from the app's own superclasses
 * (the nearest definition, the one that runs), plus its {@code <init>} and {@code <clinit>}; the
 * {@code Application} subclass ({@code onCreate}, {@code attachBaseContext}) and the
 * {@code appComponentFactory} ({@code instantiate*}).
 *
 * <p>With {@code exported}, only exported components count (and the Application subclass, which runs before
 * any of them). An app without a manifest (a bare DEX file or smali tree) has no declared components: its
 * subclasses of the framework's component classes stand in for them (none of them counts as exported).
 */
public final class EntryPoints {
    /**
     * One entry point.
     *
     * @param id        the method identity (what path queries start from)
     * @param method    its signature
     * @param component the component class (descriptor) whose lifecycle it belongs to
     * @param kind      the component kind: activity, service, receiver, provider, application, factory
     * @param exported  whether that component is exported
     * @param app       the input
     */
    public record EntryPoint(long id, String method, String component, String kind, boolean exported, long app) {
    }

    /** Lifecycle methods Android calls, per component kind. */
    static final Map<String, Set<String>> LIFECYCLE = Map.of(
            "activity", Set.of("onCreate", "onStart", "onRestart", "onResume", "onPause", "onStop", "onDestroy",
                    "onNewIntent", "onActivityResult", "onPostCreate", "onSaveInstanceState",
                    "onRestoreInstanceState"),
            "service", Set.of("onCreate", "onStartCommand", "onStart", "onBind", "onUnbind", "onRebind", "onDestroy",
                    "onTaskRemoved", "onHandleIntent", "onHandleWork", "onStartJob", "onStopJob"),
            "receiver", Set.of("onReceive"),
            "provider", Set.of("onCreate", "query", "insert", "update", "delete", "getType", "openFile",
                    "openAssetFile", "openTypedAssetFile", "call", "bulkInsert", "applyBatch"),
            "application", Set.of("onCreate", "attachBaseContext"),
            "factory", Set.of("instantiateActivity", "instantiateApplication", "instantiateClassLoader",
                    "instantiateProvider", "instantiateReceiver", "instantiateService"));

    /** Framework base classes standing in for the manifest of an app that has none. */
    private static final Map<String, String> BASES = new LinkedHashMap<>();

    static {
        BASES.put("Landroid/app/Activity;", "activity");
        BASES.put("Landroid/app/Service;", "service");
        BASES.put("Landroid/content/BroadcastReceiver;", "receiver");
        BASES.put("Landroid/content/ContentProvider;", "provider");
        BASES.put("Landroid/app/Application;", "application");
    }

    private EntryPoints() {
    }

    /** The entry points of the apps {@code selector} names (null: all), sorted by app, component, method. */
    public static List<EntryPoint> find(Index index, String selector, boolean exportedOnly, Deadline deadline)
            throws QueryException {
        References refs = References.of(index);
        Hierarchy h = Hierarchy.of(index, deadline);
        Set<Long> wanted = selector == null ? null : Set.copyOf(index.appIds(selector));
        Map<Long, Manifest> manifests = new LinkedHashMap<>();
        for (Manifests.AppManifest m : Manifests.of(index, selector, deadline)) {
            manifests.put(m.app().id(), m.manifest());
        }
        List<EntryPoint> out = new ArrayList<>();
        List<String> noManifest = new ArrayList<>();
        for (App app : index.apps()) {
            if (wanted != null && !wanted.contains(app.id())) {
                continue;
            }
            Manifest m = manifests.get(app.id());
            Set<Long> apps = Set.of(app.id());
            Set<String> done = new HashSet<>();
            if (m == null) {
                noManifest.add(app.label());
                if (!exportedOnly) {
                    for (Map.Entry<String, String> base : BASES.entrySet()) {
                        for (String c : h.subclasses(base.getKey(), false)) {
                            add(refs, h, apps, c, base.getValue(), false, app.id(), done, out, deadline);
                        }
                    }
                }
                continue;
            }
            boolean anyExported = false;
            // Exported components first: a class declared twice (an alias and its target) counts as exported.
            List<Manifest.Component> ordered = new ArrayList<>(m.components());
            ordered.sort(Comparator.comparing((Manifest.Component c) -> !Boolean.TRUE.equals(c.exported())));
            for (Manifest.Component c : ordered) {
                boolean exported = Boolean.TRUE.equals(c.exported());
                anyExported |= exported;
                String cls = c.targetActivity() != null ? c.targetActivity() : c.className();
                String kind = c.kind().equals("activity-alias") ? "activity" : c.kind();
                if (cls != null && (exported || !exportedOnly)) {
                    add(refs, h, apps, cls, kind, exported, app.id(), done, out, deadline);
                }
            }
            if (!exportedOnly || anyExported) {
                if (m.application().className() != null) {
                    add(refs, h, apps, m.application().className(), "application", anyExported, app.id(), done, out,
                            deadline);
                }
                if (m.application().appComponentFactory() != null) {
                    add(refs, h, apps, m.application().appComponentFactory(), "factory", anyExported, app.id(), done,
                            out, deadline);
                }
            }
        }
        if (exportedOnly && manifests.isEmpty()) {
            throw new QueryException(QueryException.Kind.NOT_FOUND, "no manifest in " + String.join(", ", noManifest)
                    + ": which components are exported is unknown (parse the APK, or an apktool tree with its "
                    + "AndroidManifest.xml)");
        }
        out.sort(Comparator.comparingLong(EntryPoint::app).thenComparing(EntryPoint::component)
                .thenComparing(EntryPoint::method));
        return out;
    }

    /**
     * The entry points of class {@code cls} of {@code kind}: its lifecycle methods, defined in it or in the
     * nearest app superclass that defines them, and its own constructors and static initializer.
     */
    private static void add(References refs, Hierarchy h, Set<Long> apps, String cls, String kind, boolean exported,
                            long app, Set<String> done, List<EntryPoint> out, Deadline deadline) throws QueryException {
        Set<String> names = LIFECYCLE.get(kind);
        if (names == null || !done.add(kind + " " + cls)) {
            return;
        }
        Set<String> taken = new HashSet<>();
        List<String> chain = new ArrayList<>();
        chain.add(cls);
        chain.addAll(h.superclassChain(cls));
        for (int i = 0; i < chain.size(); i++) {
            String c = chain.get(i);
            if (!h.defines(c)) {
                break;
            }
            for (References.Ident m : refs.definedMethods(c, apps, deadline)) {
                String sig = m.signature();
                String nameAndDesc = sig.substring(sig.indexOf("->") + 2);
                String name = nameAndDesc.substring(0, nameAndDesc.indexOf('('));
                boolean own = i == 0 && (name.equals("<init>") || name.equals("<clinit>"));
                if ((own || names.contains(name)) && taken.add(nameAndDesc)) {
                    out.add(new EntryPoint(m.id(), sig, cls, kind, exported, app));
                }
            }
        }
    }
}
