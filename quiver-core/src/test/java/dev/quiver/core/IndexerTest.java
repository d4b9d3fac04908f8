package dev.quiver.core;

import static dev.quiver.core.TestTrees.count;
import static dev.quiver.core.TestTrees.dump;
import static dev.quiver.core.TestTrees.strings;
import static dev.quiver.core.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.pipeline.RunSummary;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IndexerTest {
    @TempDir
    Path tmp;

    private RunSummary index(Path input, Path out, int jobs) throws Exception {
        return Indexer.index(new Indexer.Request(List.of(input), out, Format.SQLITE, false, jobs, ".smali"),
                ProgressListener.NONE);
    }

    @Test
    void everyFileAtEveryDepthIsParsedWhateverTheJobs() throws Exception {
        // smalisca lost everything above -d and every directory after the first per worker.
        Path tree = tmp.resolve("tree");
        int classes = TestTrees.apktoolLikeTree(tree, 9, 7);
        for (int jobs : new int[] {1, 2, 3}) {
            Path db = tmp.resolve("j" + jobs + ".db");
            RunSummary s = index(tree, db, jobs);
            assertThat(s.classes()).isEqualTo(classes);
            assertThat(count(db, "SELECT count(*) FROM classes")).isEqualTo(classes);
            assertThat(count(db, "SELECT count(*) FROM classes WHERE descriptor = 'LRootLevel;'")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM calls")).isEqualTo(classes);
            assertThat(count(db, "SELECT count(*) FROM problems")).isZero();
        }
    }

    @Test
    void oneThreadAndManyThreadsGiveTheSameDatabase() throws Exception {
        Path tree = tmp.resolve("tree");
        TestTrees.apktoolLikeTree(tree, 12, 20);
        write(tree, "bad/Broken.smali", ".class public LBroken;\n.method public x()V\n  bogus-op v0\n");
        write(tree, "dup/A.smali", TestTrees.classSource("Lp0/deep/er/still/deeper/C0;", "dup"));
        Path one = tmp.resolve("one.db");
        Path many = tmp.resolve("many.db");
        index(tree, one, 1);
        index(tree, many, 4);
        List<String> a = dump(one);
        assertThat(a).hasSizeGreaterThan(1000);
        assertThat(dump(many)).containsExactlyElementsOf(a);
    }

    @Test
    void duplicateClassNamesAreKeptAndFlagged() throws Exception {
        Path tree = tmp.resolve("tree");
        write(tree, "a/Same.smali", TestTrees.classSource("Lcom/Same;", "first"));
        write(tree, "b/Same.smali", TestTrees.classSource("Lcom/Same;", "second"));
        write(tree, "c/Other.smali", TestTrees.classSource("Lcom/Other;", "other"));
        Path db = tmp.resolve("d.db");
        RunSummary s = index(tree, db, 2);
        assertThat(s.classes()).isEqualTo(3);
        assertThat(strings(db, "SELECT s.path || ':' || c.duplicate FROM classes c JOIN sources s ON s.id = c.source_id"
                + " ORDER BY c.id")).containsExactly("a/Same.smali:1", "b/Same.smali:1", "c/Other.smali:0");
        assertThat(strings(db, "SELECT value FROM strings ORDER BY id")).containsExactly("first", "second", "other");
        assertThat(strings(db, "SELECT kind || ' ' || path || ' ' || message FROM problems")).singleElement()
                .asString().startsWith("duplicate-class b/Same.smali class Lcom/Same; is also defined at a/Same.smali:1");
    }

    @Test
    void hostileFilesAreProblemsAndNothingElseIsLost() throws Exception {
        Path tree = tmp.resolve("tree");
        int good = TestTrees.apktoolLikeTree(tree, 3, 3);
        Files.write(tree.resolve("Binary.smali"), new byte[] {'.', 'c', 0, 1, 2, 3});
        Files.write(tree.resolve("Latin1.smali"), (".class public LLatin1;\n.super Ljava/lang/Object;\n"
                + ".method public m()V\n  const-string v0, \"caf\u00e9\"\n  return-void\n.end method\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        write(tree, "Truncated.smali", ".class public LTruncated;\n.super Ljava/lang/Object;\n.method public m()V\n"
                + "  .registers 1\n  invoke-static {}, LTruncated;->m()V\n");
        Files.createSymbolicLink(tree.resolve("loop"), tree);
        Files.createSymbolicLink(tree.resolve("Dangling.smali"), tree.resolve("does-not-exist"));
        Path fifo = tree.resolve("Fifo.smali");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Files.writeString(tree.resolve("notes.txt"), "not smali, ignored");

        Path db = tmp.resolve("h.db");
        RunSummary s = index(tree, db, 2);
        assertThat(s.classes()).isEqualTo(good + 2); // + Latin1 + Truncated
        List<String> problems = strings(db, "SELECT kind || ' ' || path FROM problems ORDER BY id");
        assertThat(problems).contains("binary Binary.smali", "io Dangling.smali", "encoding Latin1.smali",
                "truncated Truncated.smali", "skipped loop");
        if (haveFifo) {
            assertThat(problems).contains("skipped Fifo.smali");
        }
        assertThat(count(db, "SELECT count(*) FROM calls c JOIN methods m ON m.id = c.method_id"
                + " JOIN classes k ON k.id = m.class_id WHERE k.descriptor = 'LTruncated;'")).isEqualTo(1);
    }

    @Test
    void unreadableFileIsAProblem() throws Exception {
        Path tree = tmp.resolve("tree");
        write(tree, "Ok.smali", TestTrees.classSource("LOk;", "ok"));
        Path secret = write(tree, "Secret.smali", TestTrees.classSource("LSecret;", "secret"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path db = tmp.resolve("u.db");
        if (Files.isReadable(secret)) {
            // Root ignores permissions; /proc/self/mem is a file whose read fails even for root (EIO).
            Path mem = Path.of("/proc/self/mem");
            assumeTrue(Files.exists(mem), "running as root without /proc: no unreadable file to make");
            Files.delete(secret);
            Files.createSymbolicLink(secret, mem);
            index(tree, db, 2);
            assertThat(strings(db, "SELECT kind || ' ' || path || ' ' || message FROM problems"))
                    .singleElement().asString().startsWith("io Secret.smali cannot read file: ");
        } else {
            index(tree, db, 2);
            assertThat(strings(db, "SELECT kind || ' ' || path || ' ' || message FROM problems"))
                    .containsExactly("io Secret.smali cannot read file: permission denied");
        }
        assertThat(count(db, "SELECT count(*) FROM classes")).isEqualTo(1);
    }

    @Test
    void existingOutputIsReplacedAtomicallyAndTempFilesAreCleanedUp() throws Exception {
        Path tree = tmp.resolve("tree");
        write(tree, "A.smali", TestTrees.classSource("LA;", "a"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path db = out.resolve("x.db");
        Files.writeString(db, "previous contents");
        index(tree, db, 1);
        assertThat(count(db, "SELECT count(*) FROM classes")).isEqualTo(1);
        // Permissions follow the umask like any new file (createTempFile would have made it 0600).
        Path plain = Files.createFile(out.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(db)).isEqualTo(Files.getPosixFilePermissions(plain));
        Files.delete(plain);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.db");
        }
        // A run that fails (input vanished) leaves the previous database as it was.
        List<String> before = dump(db);
        assertThatThrownBy(() -> index(tmp.resolve("missing"), db, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("missing");
        assertThat(dump(db)).isEqualTo(before);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.db");
        }
    }

    @Test
    void appendAddsAnInputAndEveryRowKnowsItsInput() throws Exception {
        Path app1 = tmp.resolve("app1");
        Path app2 = tmp.resolve("app2");
        write(app1, "A.smali", TestTrees.classSource("Lcom/A;", "one"));
        write(app2, "A.smali", TestTrees.classSource("Lcom/A;", "two")); // same class in another app: no problem
        write(app2, "B.smali", TestTrees.classSource("Lcom/B;", "two-b"));
        Path db = tmp.resolve("a.db");
        index(app1, db, 2);
        Indexer.index(new Indexer.Request(List.of(app2), db, Format.SQLITE, true, 2, ".smali"), ProgressListener.NONE);
        assertThat(strings(db, "SELECT kind FROM inputs ORDER BY id")).containsExactly("smali", "smali");
        assertThat(strings(db, "SELECT i.path || '|' || v.value FROM v_strings v JOIN inputs i ON i.id = v.input_id"
                + " ORDER BY v.id")).containsExactly(app1.toAbsolutePath() + "|one", app2.toAbsolutePath() + "|two",
                app2.toAbsolutePath() + "|two-b");
        assertThat(count(db, "SELECT count(*) FROM problems")).isZero();
        // Identities (defined or referenced) are shared across inputs, not duplicated: StringBuilder.<init>,
        // Lcom/A;->run(I)V (defined in both apps), Lcom/B;->run(I)V; the two count fields.
        assertThat(strings(db, "SELECT class || '->' || name || descriptor FROM method_ids ORDER BY id")).containsExactly(
                "Lcom/A;->run(I)V", "Ljava/lang/StringBuilder;-><init>()V", "Lcom/B;->run(I)V");
        assertThat(count(db, "SELECT count(*) FROM field_ids")).isEqualTo(2);
        assertThat(count(db, "SELECT count(DISTINCT sig_id) FROM methods")).isEqualTo(2);
    }

    @Test
    void jsonIndexReadsBackToTheSameDatabase() throws Exception {
        Path tree = tmp.resolve("tree");
        TestTrees.apktoolLikeTree(tree, 3, 4);
        write(tree, "x/Hostile.smali", ".class public LHostile;\n.super Ljava/lang/Object;\n"
                + ".method public m()V\n  const-string v0, \"quote \\\" tab \\t uni \\u00e9\"\n  nonsense\n.end method\n");
        Path db = tmp.resolve("direct.db");
        Path json = tmp.resolve("index.json");
        index(tree, db, 2);
        Indexer.index(new Indexer.Request(List.of(tree), json, Format.JSON, false, 2, ".smali"), ProgressListener.NONE);
        assertThat(Files.readString(json)).startsWith("{\"format\":\"quiver-index\"");
        Path replayed = tmp.resolve("replayed.db");
        try (var w = new dev.quiver.core.store.SqliteIndexWriter(replayed, false)) {
            dev.quiver.core.store.JsonIndexReader.replay(json, w);
            w.commit();
        }
        assertThat(dump(replayed)).containsExactlyElementsOf(dump(db));
        try (Index a = Index.open(json); Index b = Index.open(db)) {
            Map<String, Long> counts = a.counts();
            assertThat(counts).isEqualTo(b.counts());
            assertThat(counts.get("problems")).isEqualTo(1);
        }
    }

    @Test
    void openingSomethingThatIsNotAnIndexFailsClearly() throws Exception {
        Path junk = tmp.resolve("junk.db");
        Files.writeString(junk, "hello, I am not a database, but long enough to have a header............");
        assertThatThrownBy(() -> Index.open(junk)).isInstanceOf(QueryException.class)
                .hasMessageContaining("neither a Quiver database nor a Quiver JSON index");
        assertThatThrownBy(() -> Index.open(tmp.resolve("nope.db"))).isInstanceOf(QueryException.class)
                .hasMessageContaining("nope.db");
        assertThat(Files.exists(tmp.resolve("nope.db"))).isFalse();
        Path badJson = tmp.resolve("bad.json");
        Files.writeString(badJson, "{\"format\":\"something-else\"}\n");
        assertThatThrownBy(() -> Index.open(badJson)).isInstanceOf(QueryException.class)
                .hasMessageContaining("not a Quiver JSON index");
    }

    @Test
    void aDagOfSymbolicLinksIsWalkedOnceNotExponentially() throws Exception {
        // d0 -> {a, b} -> d1 -> {a, b} -> d2 ...: 2^12 paths to the last directory, one directory.
        Path root = tmp.resolve("tree");
        int depth = 12;
        for (int i = 0; i <= depth; i++) {
            Files.createDirectories(root.resolve("d" + i));
            write(root, "d" + i + "/C" + i + ".smali", TestTrees.classSource("LC" + i + ";", "c" + i));
        }
        for (int i = 0; i < depth; i++) {
            Files.createSymbolicLink(root.resolve("d" + i + "/a"), root.resolve("d" + (i + 1)));
            Files.createSymbolicLink(root.resolve("d" + i + "/b"), root.resolve("d" + (i + 1)));
        }
        Path db = tmp.resolve("dag.db");
        RunSummary s = index(root, db, 2);
        assertThat(s.classes()).isEqualTo(depth + 1);
        assertThat(count(db, "SELECT count(*) FROM problems WHERE kind = 'duplicate-class'")).isZero();
        assertThat(strings(db, "SELECT message FROM problems WHERE kind = 'skipped'"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("already indexed as d"));
    }

    @Test
    void aTreeWithoutSmaliFilesIsAProblemNotASilentEmptyDatabase() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("res/values"));
        Files.writeString(empty.resolve("strings.xml"), "<resources/>");
        Path db = tmp.resolve("e.db");
        RunSummary s = index(tmp.resolve("res"), db, 2);
        assertThat(s.problems()).isEqualTo(1);
        assertThat(strings(db, "SELECT kind || ': ' || message FROM problems")).singleElement().asString()
                .startsWith("empty: no file ending in .smali in ").endsWith("(wrong directory, or another --suffix?)");
    }

    @Test
    void stringsWithUnpairedSurrogatesAreStoredExactly() throws Exception {
        Path tree = tmp.resolve("tree");
        write(tree, "S.smali", ".class public LS;\n.super Ljava/lang/Object;\n.method public m()V\n"
                + "    .registers 1\n    const-string v0, \"\\ud800x\\udfff\"\n"
                + "    const-string v0, \"pair \\ud83d\\ude00 ok\"\n    return-void\n.end method\n");
        Path db = tmp.resolve("s.db");
        index(tree, db, 1);
        // The lone surrogates keep their own 3-byte encoding (as in DEX's MUTF-8), not '?'; the value
        // is still TEXT; a proper pair is ordinary UTF-8.
        assertThat(strings(db, "SELECT typeof(value) || ' ' || hex(value) FROM strings ORDER BY id"))
                .containsExactly("text EDA08078EDBFBF", "text " + "7061697220F09F988020" + "6F6B");
        assertThat(count(db, "SELECT count(*) FROM strings WHERE value LIKE '%x%'")).isEqualTo(1);
    }
}
