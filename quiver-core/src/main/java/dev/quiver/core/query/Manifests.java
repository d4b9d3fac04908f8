package dev.quiver.core.query;

import dev.quiver.core.model.Manifest;
import dev.quiver.core.model.Manifest.Application;
import dev.quiver.core.model.Manifest.Component;
import dev.quiver.core.model.Manifest.IntentFilter;
import dev.quiver.core.model.Manifest.Permission;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifests of an index, read back into {@link Manifest} records (what {@code quiver manifest} prints and
 * the web shows): one per app that has one, in app order, each complete with permissions, components and
 * intent filters. For filtering and paging, the {@link Listing#COMPONENTS} and {@link Listing#PERMISSIONS}
 * listings hold the same rows.
 */
public final class Manifests {
    /** An app and its manifest. */
    public record AppManifest(App app, Manifest manifest) {
    }

    private Manifests() {
    }

    /** The manifests of the apps {@code selector} names (null: every app), in app order. */
    public static List<AppManifest> of(Index index, String selector, Deadline deadline) throws QueryException {
        Set<Long> ids = selector == null ? null : Set.copyOf(index.appIds(selector));
        List<AppManifest> out = new ArrayList<>();
        for (App a : index.apps()) {
            if (ids == null || ids.contains(a.id())) {
                Manifest m = read(index, a, deadline);
                if (m != null) {
                    out.add(new AppManifest(a, m));
                }
            }
        }
        return out;
    }

    private static Manifest read(Index index, App app, Deadline deadline) throws QueryException {
        return index.with(deadline, conn -> {
            Application application;
            String source;
            try (PreparedStatement ps = conn.connection.prepareStatement("SELECT source, application_name,"
                    + " application_class, debuggable, allow_backup, uses_cleartext_traffic, network_security_config,"
                    + " test_only, permission, process, enabled, app_component_factory, backup_agent"
                    + " FROM manifests WHERE input_id = ?")) {
                ps.setLong(1, app.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    source = rs.getString(1);
                    application = new Application(rs.getString(2), rs.getString(3), bool(rs, 4), bool(rs, 5),
                            bool(rs, 6), rs.getString(7), bool(rs, 8), rs.getString(9), rs.getString(10), bool(rs, 11),
                            rs.getString(12), rs.getString(13));
                }
            }
            List<Permission> permissions = new ArrayList<>();
            try (PreparedStatement ps = conn.connection.prepareStatement("SELECT kind, name, protection_level, max_sdk"
                    + " FROM permissions WHERE input_id = ? ORDER BY id")) {
                ps.setLong(1, app.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        permissions.add(new Permission(rs.getString(1), rs.getString(2), rs.getString(3), integer(rs, 4)));
                    }
                }
            }
            Map<Long, List<IntentFilter>> filters = filters(conn, app.id());
            List<Component> components = new ArrayList<>();
            try (PreparedStatement ps = conn.connection.prepareStatement("SELECT id, kind, name, class, exported,"
                    + " exported_reason, permission, read_permission, write_permission, process, enabled, authorities,"
                    + " target_activity FROM components WHERE input_id = ? ORDER BY id")) {
                ps.setLong(1, app.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        components.add(new Component(rs.getString(2), rs.getString(3), rs.getString(4), bool(rs, 5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                bool(rs, 11), rs.getString(12), rs.getString(13),
                                filters.getOrDefault(rs.getLong(1), List.of())));
                    }
                }
            }
            return new Manifest(app.packageName(), app.versionCode(), app.versionName(),
                    app.minSdk() == null ? null : app.minSdk().intValue(),
                    app.targetSdk() == null ? null : app.targetSdk().intValue(), source, application, permissions,
                    components);
        });
    }

    private static Map<Long, List<IntentFilter>> filters(Index.Conn conn, long app) throws SQLException {
        Map<Long, List<IntentFilter>> out = new LinkedHashMap<>();
        Map<Long, List<List<String>>> items = new LinkedHashMap<>();
        Map<Long, Long> owner = new LinkedHashMap<>();
        Map<Long, Integer> priority = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.connection.prepareStatement("SELECT f.id, f.component_id, f.priority, x.kind,"
                + " x.value FROM intent_filters f JOIN components c ON c.id = f.component_id"
                + " LEFT JOIN intent_filter_items x ON x.filter_id = f.id WHERE c.input_id = ?"
                + " ORDER BY f.component_id, f.position, x.position")) {
            ps.setLong(1, app);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long f = rs.getLong(1);
                    owner.putIfAbsent(f, rs.getLong(2));
                    priority.putIfAbsent(f, integer(rs, 3));
                    List<List<String>> lists = items.computeIfAbsent(f,
                            k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                    String kind = rs.getString(4);
                    if (kind != null) {
                        lists.get(kind.equals("action") ? 0 : kind.equals("category") ? 1 : 2).add(rs.getString(5));
                    }
                }
            }
        }
        for (Map.Entry<Long, List<List<String>>> e : items.entrySet()) {
            List<List<String>> l = e.getValue();
            out.computeIfAbsent(owner.get(e.getKey()), k -> new ArrayList<>())
                    .add(new IntentFilter(priority.get(e.getKey()), l.get(0), l.get(1), l.get(2)));
        }
        return out;
    }

    /**
     * The one JSON shape of an app's manifest ({@code quiver manifest --json}, the REST API): keys are the
     * column names of the manifest tables, lists in manifest order.
     */
    public static Map<String, Object> toMap(AppManifest am) {
        Manifest m = am.manifest();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("app", am.app().id());
        out.put("path", am.app().path());
        out.put("package", m.packageName());
        out.put("version_code", m.versionCode());
        out.put("version_name", m.versionName());
        out.put("min_sdk", m.minSdk() == null ? null : (long) m.minSdk());
        out.put("target_sdk", m.targetSdk() == null ? null : (long) m.targetSdk());
        out.put("source", m.source());
        Application a = m.application();
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", a.name());
        app.put("class", a.className());
        app.put("debuggable", a.debuggable());
        app.put("allow_backup", a.allowBackup());
        app.put("uses_cleartext_traffic", a.usesCleartextTraffic());
        app.put("network_security_config", a.networkSecurityConfig());
        app.put("test_only", a.testOnly());
        app.put("permission", a.permission());
        app.put("process", a.process());
        app.put("enabled", a.enabled());
        app.put("app_component_factory", a.appComponentFactory());
        app.put("backup_agent", a.backupAgent());
        out.put("application", app);
        List<Object> perms = new ArrayList<>();
        for (Permission p : m.permissions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", p.kind());
            x.put("name", p.name());
            x.put("protection_level", p.protectionLevel());
            x.put("max_sdk", p.maxSdk() == null ? null : (long) p.maxSdk());
            perms.add(x);
        }
        out.put("permissions", perms);
        List<Object> comps = new ArrayList<>();
        for (Component c : m.components()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", c.kind());
            x.put("name", c.name());
            x.put("class", c.className());
            x.put("exported", c.exported());
            x.put("exported_reason", c.exportedReason());
            x.put("permission", c.permission());
            x.put("read_permission", c.readPermission());
            x.put("write_permission", c.writePermission());
            x.put("process", c.process());
            x.put("enabled", c.enabled());
            x.put("authorities", c.authorities());
            x.put("target_activity", c.targetActivity());
            List<Object> filters = new ArrayList<>();
            for (IntentFilter f : c.filters()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("priority", f.priority() == null ? null : (long) f.priority());
                y.put("actions", f.actions());
                y.put("categories", f.categories());
                y.put("data", f.data());
                filters.add(y);
            }
            x.put("intent_filters", filters);
            comps.add(x);
        }
        out.put("components", comps);
        return out;
    }

    private static Boolean bool(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v != 0;
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
