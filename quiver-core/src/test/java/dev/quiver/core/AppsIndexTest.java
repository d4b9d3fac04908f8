package dev.quiver.core;

import static dev.quiver.core.TestTrees.count;
import static dev.quiver.core.TestTrees.dump;
import static dev.quiver.core.TestTrees.strings;
import static dev.quiver.core.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.pipeline.RunSummary;
import dev.quiver.core.query.App;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.Manifests;
import dev.quiver.core.query.QueryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** App identity, re-parse with --append (replace, never duplicate), remove, folders of samples. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppsIndexTest {
    @TempDir
    Path tmp;

    private final List<String> notes = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void expected(long units, long bytes) {
        }

        @Override
        public void written(long units, long bytes) {
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }
    };

    private RunSummary parse(Path db, boolean append, int jobs, Path... inputs) throws Exception {
        return Indexer.index(new Indexer.Request(List.of(inputs), db, Format.SQLITE, append, jobs, ".smali"), listener);
    }

    /**
     * What a database says, without row ids: every view and identity table, sorted. Two databases with the same
     * content but other ids (a re-parsed input gets new ones) give the same list.
     */
    static List<String> content(Path db) throws Exception {
        String[] queries = {
            "SELECT path, kind, bytes, sha256, package, version_code, version_name, min_sdk, target_sdk FROM inputs",
            "SELECT i.path, s.path, s.bytes, s.lines FROM sources s JOIN inputs i ON i.id = s.input_id",
            "SELECT i.path, c.descriptor, c.flags, c.superclass, c.source_file, c.line, c.duplicate FROM classes c"
                + " JOIN inputs i ON i.id = c.input_id",
            "SELECT signature, flags, path, first_line, last_line, registers, locals FROM v_methods",
            "SELECT signature, flags, initial_value, path, line FROM v_fields",
            "SELECT caller, callee, kind, registers, extra, path, line FROM v_calls",
            "SELECT value, method, path, line FROM v_strings",
            "SELECT kind, field, method, path, line FROM v_field_refs",
            "SELECT kind, type, method, path, line FROM v_type_refs",
            "SELECT class, name, descriptor FROM method_ids",
            "SELECT class, name, type FROM field_ids",
            "SELECT i.path, p.kind, p.path, p.line, p.message FROM problems p JOIN inputs i ON i.id = p.input_id",
            "SELECT i.path, m.* FROM manifests m JOIN inputs i ON i.id = m.input_id",
            "SELECT i.path, p.kind, p.name, p.protection_level, p.max_sdk FROM permissions p"
                + " JOIN inputs i ON i.id = p.input_id",
            "SELECT i.path, c.kind, c.class, c.exported, c.exported_reason, f.position, x.kind, x.value FROM components c"
                + " JOIN inputs i ON i.id = c.input_id LEFT JOIN intent_filters f ON f.component_id = c.id"
                + " LEFT JOIN intent_filter_items x ON x.filter_id = f.id",
        };
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String q : queries) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(q)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(q.substring(0, Math.min(40, q.length()))).append('|');
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!md.getColumnName(i).equals("input_id")) {
                                sb.append(rs.getString(i)).append('|');
                            }
                        }
                        rows.add(sb.toString());
                    }
                }
                rows.sort(null);
                out.addAll(rows);
            }
        }
        return out;
    }

    private Path app(String name, String tag) throws Exception {
        Path tree = tmp.resolve(name);
        write(tree, "com/a/Main.smali", TestTrees.classSource("Lcom/a/Main;", tag));
        write(tree, "com/a/Other.smali", TestTrees.classSource("Lcom/a/Other;", tag + "-other"));
        return tree;
    }

    @Test
    void theSameInputAppendedTwiceIsReplacedNotDuplicated() throws Exception {
        Path tree = app("app", "v1");
        Path single = tmp.resolve("single.db");
        Path twice = tmp.resolve("twice.db");
        parse(single, false, 1, tree);
        parse(twice, false, 1, tree);
        List<String> before = dump(twice);

        parse(twice, true, 2, tree);

        assertThat(notes).containsExactly(tree.toAbsolutePath().normalize() + " replaces input 1 (same path)");
        assertThat(count(twice, "SELECT count(*) FROM inputs")).isEqualTo(1);
        assertThat(count(twice, "SELECT count(*) FROM classes")).isEqualTo(2);
        assertThat(content(twice)).containsExactlyElementsOf(content(single));
        assertThat(dump(twice)).isNotEqualTo(before); // new ids: the input was written again
        assertThat(strings(twice, "SELECT id FROM inputs")).containsExactly("2");
    }

    @Test
    void aChangedFileUnderTheSamePathReplacesTheOldContent() throws Exception {
        Path tree = app("app", "v1");
        Path db = tmp.resolve("q.db");
        parse(db, false, 1, tree);
        write(tree, "com/a/Main.smali", TestTrees.classSource("Lcom/a/Main;", "v2"));
        Files.delete(tree.resolve("com/a/Other.smali"));
        write(tree, "com/a/New.smali", TestTrees.classSource("Lcom/a/New;", "new"));

        parse(db, true, 1, tree);

        Path fresh = tmp.resolve("fresh.db");
        parse(fresh, false, 1, tree);
        assertThat(content(db)).containsExactlyElementsOf(content(fresh));
        assertThat(strings(db, "SELECT value FROM strings ORDER BY value")).containsExactly("new", "v2");
        // Identities only the old version used are collected.
        assertThat(count(db, "SELECT count(*) FROM method_ids WHERE class = 'Lcom/a/Other;'")).isZero();
    }

    @Test
    void twoVersionsOfOneAppStandSideBySide() throws Exception {
        Path v1 = app("v1", "one");
        Path v2 = app("v2", "two");
        Path db = tmp.resolve("q.db");
        parse(db, false, 1, v1);
        parse(db, true, 1, v2);

        assertThat(notes).isEmpty();
        assertThat(count(db, "SELECT count(*) FROM inputs")).isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM classes")).isEqualTo(4);
        Path both = tmp.resolve("both.db");
        parse(both, false, 1, v1, v2);
        assertThat(content(db)).containsExactlyElementsOf(content(both));
    }

    @Test
    void theSameFileUnderAnotherPathIsRecognisedByItsSha256() throws Exception {
        Path a = write(tmp, "a/Main.smali", TestTrees.classSource("Lcom/a/Main;", "x"));
        Path b = Files.copy(a, Files.createDirectories(tmp.resolve("b")).resolve("Main.smali"));
        Path db = tmp.resolve("q.db");
        parse(db, false, 1, a);
        String sha = strings(db, "SELECT sha256 FROM inputs").get(0);
        assertThat(sha).hasSize(64).matches("[0-9a-f]+");
        assertThat(count(db, "SELECT bytes FROM inputs")).isEqualTo(Files.size(a));

        parse(db, true, 1, b);

        assertThat(notes).containsExactly(b.toAbsolutePath() + " replaces input 1 (same SHA-256)");
        assertThat(strings(db, "SELECT path FROM inputs")).containsExactly(b.toAbsolutePath().toString());
    }

    @Test
    void theSameFileTwiceInOneRunIsIndexedOnce() throws Exception {
        Path a = write(tmp, "a/Main.smali", TestTrees.classSource("Lcom/a/Main;", "x"));
        Path b = Files.copy(a, Files.createDirectories(tmp.resolve("b")).resolve("Main.smali"));
        Path db = tmp.resolve("q.db");

        RunSummary s = parse(db, false, 2, a, b, a);

        assertThat(s.inputs()).isEqualTo(1);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(notes).containsExactly(a.toAbsolutePath() + ": given more than once; indexed once",
                b.toAbsolutePath() + ": the same file (SHA-256) as " + a.toAbsolutePath() + "; skipped");
        assertThat(count(db, "SELECT count(*) FROM classes")).isEqualTo(1);
    }

    @Test
    void removeLeavesWhatAFreshParseOfTheRestGives() throws Exception {
        Path v1 = app("v1", "one");
        Path v2 = app("v2", "two");
        write(v2, "com/b/Only.smali", TestTrees.classSource("Lcom/b/Only;", "only"));
        Path db = tmp.resolve("q.db");
        parse(db, false, 1, v1, v2);

        List<App> removed = Indexer.remove(db, "2", false);

        assertThat(removed).extracting(App::path).containsExactly(v2.toAbsolutePath().toString());
        Path fresh = tmp.resolve("fresh.db");
        parse(fresh, false, 1, v1);
        assertThat(content(db)).containsExactlyElementsOf(content(fresh));
        assertThat(tmp).isDirectoryNotContaining("glob:**/.q.db.*.tmp");
    }

    @Test
    void removeRefusesAnAmbiguousSelectorWithoutAll() throws Exception {
        Path v1 = app("v1", "one");
        Path v2 = app("v2", "two");
        write(v1, "AndroidManifest.xml", "<manifest package=\"com.same\"/>");
        write(v2, "AndroidManifest.xml", "<manifest package=\"com.same\"/>");
        Path db = tmp.resolve("q.db");
        parse(db, false, 1, v1, v2);
        List<String> before = dump(db);

        assertThatThrownBy(() -> Indexer.remove(db, "com.same", false)).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("'com.same' names 2 inputs (1 = ");
        assertThat(dump(db)).containsExactlyElementsOf(before);
        assertThatThrownBy(() -> Indexer.remove(db, "nope", false)).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("no app 'nope' in ");

        assertThat(Indexer.remove(db, "com.same", true)).hasSize(2);
        assertThat(count(db, "SELECT count(*) FROM inputs")).isZero();
        assertThat(count(db, "SELECT count(*) FROM method_ids")).isZero();
    }

    @Test
    void anApktoolTreeGivesItsManifestAndIdentity() throws Exception {
        Path tree = app("apktool", "x");
        write(tree, "AndroidManifest.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><manifest "
                + "xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"com.a\">"
                + "<uses-permission android:name=\"android.permission.INTERNET\"/><application android:name=\".App\">"
                + "<receiver android:name=\".Main\"><intent-filter><action android:name=\"go\"/></intent-filter>"
                + "</receiver></application></manifest>");
        write(tree, "apktool.yml", "sdkInfo:\n  minSdkVersion: '21'\n  targetSdkVersion: '29'\nversionInfo:\n"
                + "  versionCode: '3'\n  versionName: '1.0'\n");
        Path db = tmp.resolve("q.db");
        parse(db, false, 1, tree);

        try (Index index = Index.open(db)) {
            App a = index.apps().get(0);
            assertThat(a.packageName()).isEqualTo("com.a");
            assertThat(a.versionCode()).isEqualTo(3L);
            assertThat(a.versionName()).isEqualTo("1.0");
            assertThat(a.minSdk()).isEqualTo(21L);
            assertThat(a.targetSdk()).isEqualTo(29L);
            assertThat(a.sha256()).isNull();
            assertThat(a.bytes()).isEqualTo(Files.size(tree.resolve("com/a/Main.smali"))
                    + Files.size(tree.resolve("com/a/Other.smali")));
            assertThat(index.appIds("com.a")).containsExactly(1L);
            var m = Manifests.of(index, null, null).get(0).manifest();
            assertThat(m.components()).singleElement().satisfies(c -> {
                assertThat(c.className()).isEqualTo("Lcom/a/Main;");
                assertThat(c.exported()).isTrue();
                assertThat(c.filters().get(0).actions()).containsExactly("go");
            });
            assertThat(m.application().className()).isEqualTo("Lcom/a/App;");
        }
    }

    @Test
    void aCorruptDecodedManifestIsAProblemAndTheCodeIsStillRead() throws Exception {
        Path tree = app("broken", "x");
        write(tree, "AndroidManifest.xml", "<manifest package=\"com.b\"><application><activity");
        Path db = tmp.resolve("q.db");
        RunSummary s = parse(db, false, 1, tree);

        assertThat(s.classes()).isEqualTo(2);
        assertThat(strings(db, "SELECT kind || ' ' || path || ': ' || message FROM problems"))
                .singleElement().asString().startsWith("manifest AndroidManifest.xml: malformed XML at line 1: ");
        assertThat(strings(db, "SELECT package FROM inputs")).containsExactly("com.b");
    }

    @Test
    void theJsonIndexCarriesIdentityAndManifest() throws Exception {
        Path tree = app("apktool", "x");
        write(tree, "AndroidManifest.xml", "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
                + "package=\"com.j\"><application><service android:name=\".S\" android:exported=\"true\"/>"
                + "</application></manifest>");
        Path db = tmp.resolve("q.db");
        Path json = tmp.resolve("q.json");
        parse(db, false, 1, tree);
        Indexer.index(new Indexer.Request(List.of(tree), json, Format.JSON, false, 1, ".smali"), listener);

        try (Index a = Index.open(db); Index b = Index.open(json)) {
            assertThat(b.apps().get(0).packageName()).isEqualTo("com.j");
            assertThat(Manifests.of(b, null, null).get(0).manifest())
                    .isEqualTo(Manifests.of(a, null, null).get(0).manifest());
        }
    }
}
