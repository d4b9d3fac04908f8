package dev.quiver.core.store;

import dev.quiver.core.model.Manifest;
import dev.quiver.core.model.Manifest.Component;
import dev.quiver.core.model.Manifest.IntentFilter;
import dev.quiver.core.model.Manifest.Permission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * Writes an input's manifest into the {@code manifests}, {@code permissions}, {@code components},
 * {@code intent_filters} and {@code intent_filter_items} tables. A manifest is a few hundred rows at most,
 * written once per input: plain prepared statements, beside (not inside) the writer's bulk path.
 */
final class ManifestRows {
    private final Connection conn;
    private long permissionId;
    private long componentId;
    private long filterId;

    ManifestRows(Connection conn) throws SQLException {
        this.conn = conn;
        this.permissionId = maxId("permissions");
        this.componentId = maxId("components");
        this.filterId = maxId("intent_filters");
    }

    private long maxId(String table) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT max(id) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    void write(long inputId, Manifest m) throws SQLException {
        Manifest.Application a = m.application();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO manifests (input_id, source, application_name,"
                + " application_class, debuggable, allow_backup, uses_cleartext_traffic, network_security_config,"
                + " test_only, permission, process, enabled, app_component_factory, backup_agent)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(ps, inputId, m.source(), a.name(), a.className(), a.debuggable(), a.allowBackup(),
                    a.usesCleartextTraffic(), a.networkSecurityConfig(), a.testOnly(), a.permission(), a.process(),
                    a.enabled(), a.appComponentFactory(), a.backupAgent());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO permissions (id, input_id, kind, name,"
                + " protection_level, max_sdk) VALUES (?,?,?,?,?,?)")) {
            for (Permission p : m.permissions()) {
                bind(ps, ++permissionId, inputId, p.kind(), p.name(), p.protectionLevel(), p.maxSdk());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement comp = conn.prepareStatement("INSERT INTO components (id, input_id, kind, name, class,"
                + " exported, exported_reason, permission, read_permission, write_permission, process, enabled,"
                + " authorities, target_activity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement filter = conn.prepareStatement("INSERT INTO intent_filters (id, component_id, position,"
                + " priority) VALUES (?,?,?,?)");
             PreparedStatement item = conn.prepareStatement("INSERT INTO intent_filter_items (filter_id, position, kind,"
                + " value) VALUES (?,?,?,?)")) {
            for (Component c : m.components()) {
                long cid = ++componentId;
                bind(comp, cid, inputId, c.kind(), c.name(), c.className(), c.exported(), c.exportedReason(),
                        c.permission(), c.readPermission(), c.writePermission(), c.process(), c.enabled(),
                        c.authorities(), c.targetActivity());
                comp.executeUpdate();
                int fpos = 0;
                for (IntentFilter f : c.filters()) {
                    long fid = ++filterId;
                    bind(filter, fid, cid, fpos++, f.priority());
                    filter.executeUpdate();
                    int ipos = 0;
                    ipos = items(item, fid, ipos, "action", f.actions());
                    ipos = items(item, fid, ipos, "category", f.categories());
                    items(item, fid, ipos, "data", f.data());
                }
            }
        }
    }

    private static int items(PreparedStatement ps, long filter, int pos, String kind, List<String> values)
            throws SQLException {
        for (String v : values) {
            bind(ps, filter, pos++, kind, v);
            ps.executeUpdate();
        }
        return pos;
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }
}
