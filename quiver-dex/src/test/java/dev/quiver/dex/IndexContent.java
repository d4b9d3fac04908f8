package dev.quiver.dex;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database's content as sorted lines of text per table, without what differs by input path: row ids, line
 * numbers and source paths. Two indexes of the same app, one from smali and one from DEX, must be equal.
 * References inside a method carry their position in that method, so instruction order is compared too.
 */
final class IndexContent {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("classes", """
                SELECT c.descriptor || ' | ' || c.flags || ' | ' || ifnull(c.superclass, '-') || ' | '
                       || ifnull(c.source_file, '-') || ' | '
                       || ifnull((SELECT group_concat(descriptor, ' ') FROM
                                 (SELECT descriptor FROM interfaces i WHERE i.class_id = c.id ORDER BY position)), '')
                       || ' | '
                       || ifnull((SELECT group_concat(type, ' ') FROM
                                 (SELECT type FROM annotations a WHERE a.class_id = c.id ORDER BY position)), '')
                FROM classes c""");
        QUERIES.put("fields", """
                SELECT signature || ' | ' || flags || ' | ' || ifnull(initial_value, '-') FROM v_fields""");
        QUERIES.put("methods", """
                SELECT signature || ' | ' || flags || ' | ' || ifnull(registers, '-') || ' | ' || ifnull(locals, '-')
                FROM v_methods""");
        QUERIES.put("calls", """
                SELECT caller || ' #' || row_number() OVER (PARTITION BY method_id ORDER BY id) || ' ' || kind
                       || ' {' || registers || '} ' || callee || ' | ' || ifnull(extra, '-') FROM v_calls""");
        QUERIES.put("strings", """
                SELECT method || ' #' || row_number() OVER (PARTITION BY method_id ORDER BY id) || ' ' || jumbo
                       || ' ' || quote(value) FROM v_strings""");
        QUERIES.put("field_refs", """
                SELECT method || ' #' || row_number() OVER (PARTITION BY method_id ORDER BY id) || ' ' || kind
                       || ' ' || field FROM v_field_refs""");
        QUERIES.put("type_refs", """
                SELECT method || ' #' || row_number() OVER (PARTITION BY method_id ORDER BY id) || ' ' || kind
                       || ' ' || type FROM v_type_refs""");
        QUERIES.put("problems", "SELECT kind || ' ' || path || ':' || line || ' ' || message FROM problems");
    }

    private IndexContent() {
    }

    /** Table name to its sorted lines. */
    static Map<String, List<String>> of(Path db) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(q.getValue())) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                lines.sort(null);
                out.put(q.getKey(), lines);
            }
        }
        return out;
    }

    /**
     * Per table, up to {@code max} lines only in {@code a} ({@code -}) and only in {@code b} ({@code +});
     * empty when the two are equal.
     */
    static Map<String, List<String>> diff(Map<String, List<String>> a, Map<String, List<String>> b, int max) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : a.keySet()) {
            List<String> x = a.get(table);
            List<String> y = b.get(table);
            List<String> d = new ArrayList<>();
            int i = 0;
            int j = 0;
            while ((i < x.size() || j < y.size()) && d.size() < max) {
                int cmp = i == x.size() ? 1 : j == y.size() ? -1 : x.get(i).compareTo(y.get(j));
                if (cmp == 0) {
                    i++;
                    j++;
                } else if (cmp < 0) {
                    d.add("- " + x.get(i++));
                } else {
                    d.add("+ " + y.get(j++));
                }
            }
            if (!d.isEmpty()) {
                out.put(table + " (" + x.size() + " vs " + y.size() + " rows)", d);
            }
        }
        return out;
    }
}
