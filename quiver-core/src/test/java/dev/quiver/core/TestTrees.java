package dev.quiver.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds smali trees for tests and dumps databases for comparison. */
public final class TestTrees {
    private TestTrees() {
    }

    /** The real corpus: system property quiver.corpus, else $QUIVER_CORPUS, else ~/.cache/quiver/corpus. */
    public static Path corpus() {
        String p = System.getProperty("quiver.corpus", "");
        if (p.isBlank() || p.startsWith("${")) {
            p = System.getenv().getOrDefault("QUIVER_CORPUS", System.getProperty("user.home") + "/.cache/quiver/corpus");
        }
        return Path.of(p);
    }

    /** A small but complete class with one call, one string, one field access and one type reference. */
    public static String classSource(String descriptor, String tag) {
        return ".class public " + descriptor + "\n"
                + ".super Ljava/lang/Object;\n"
                + ".source \"" + tag + ".java\"\n\n"
                + ".field private count:I\n\n"
                + ".method public run(I)V\n"
                + "    .registers 3\n"
                + "    new-instance v0, Ljava/lang/StringBuilder;\n"
                + "    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V\n"
                + "    const-string v1, \"" + tag + "\"\n"
                + "    iput p1, p0, " + descriptor + "->count:I\n"
                + "    return-void\n"
                + ".end method\n";
    }

    public static Path write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /**
     * A tree shaped like apktool output that smalisca mangled: files at the root, many top-level
     * packages (more than jobs), deep nesting. Returns the number of classes written.
     */
    public static int apktoolLikeTree(Path root, int packages, int perPackage) throws IOException {
        int n = 0;
        write(root, "RootLevel.smali", classSource("LRootLevel;", "root"));
        n++;
        for (int p = 0; p < packages; p++) {
            for (int c = 0; c < perPackage; c++) {
                String pkg = "p" + p + "/deep/er/still/deeper";
                String desc = "L" + pkg + "/C" + c + ";";
                write(root, pkg + "/C" + c + ".smali", classSource(desc, "p" + p + "c" + c));
                n++;
            }
        }
        return n;
    }

    /** Every row of every table and view definition, in a stable order: a logical {@code .dump}. */
    public static List<String> dump(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    if (rs.getString(1).equals("table")) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(t).append('|');
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        out.add(sb.toString());
                    }
                }
            }
        }
        return out;
    }

    public static long count(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<String> strings(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
