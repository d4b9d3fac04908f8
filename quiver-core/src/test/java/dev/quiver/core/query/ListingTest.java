package dev.quiver.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.core.TestApps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingTest {
    @TempDir
    static Path tmp;
    static Index index;

    @BeforeAll
    static void open() throws Exception {
        index = Index.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> column(ListQuery q, String col) throws QueryException {
        Rows r = index.list(q, null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            out.add(String.valueOf(r.value(i, col)));
        }
        return out;
    }

    private static NamePattern auto(String s) {
        return NamePattern.auto(s, false);
    }

    @Test
    void extendsIsTransitiveThroughTheAppsClassesAndDirectIsOneLevel() throws Exception {
        ListQuery q = ListQuery.of(Listing.CLASSES).withHierarchy("Lcom/q/Base;", null, false);
        assertThat(column(q, "class")).containsExactly("Lcom/q/Impl;", "Lcom/q/Sub;", "Lcom/q/Ünï$Inner;");
        assertThat(column(q.withHierarchy("Lcom/q/Base;", null, true), "class")).containsExactly("Lcom/q/Impl;");
    }

    @Test
    void frameworkSupertypesAreNamedThoughNotDefined() throws Exception {
        ListQuery q = ListQuery.of(Listing.CLASSES).withHierarchy("Landroid/content/BroadcastReceiver;", null, false);
        assertThat(column(q, "class")).containsExactly("Lcom/q/SmsReceiver;");
        ListQuery r = ListQuery.of(Listing.CLASSES).withHierarchy(null, "Ljava/lang/Runnable;", false);
        assertThat(column(r, "class")).containsExactly("Lcom/q/Impl;", "Lcom/q/Sub;", "Lcom/q/Ünï$Inner;");
    }

    @Test
    void aTypeTheShellStrippedOfItsSemicolonOrAJavaNameStillWorks() throws Exception {
        ListQuery a = ListQuery.of(Listing.CLASSES).withHierarchy("Lcom/q/Base", null, true);
        ListQuery b = ListQuery.of(Listing.CLASSES).withHierarchy("com.q.Base", null, true);
        assertThat(column(a, "class")).containsExactly("Lcom/q/Impl;");
        assertThat(column(b, "class")).containsExactly("Lcom/q/Impl;");
    }

    @Test
    void implementsFollowsSuperclassesAndInterfaceChains() throws Exception {
        ListQuery q = ListQuery.of(Listing.CLASSES).withHierarchy(null, "Lcom/q/Task;", false);
        assertThat(column(q, "class")).containsExactly("Lcom/q/Base;", "Lcom/q/Impl;", "Lcom/q/Other;", "Lcom/q/Sub;",
                "Lcom/q/Ünï$Inner;");
        assertThat(column(q.withHierarchy(null, "Lcom/q/Task;", true), "class"))
                .containsExactly("Lcom/q/Base;", "Lcom/q/Other;");
    }

    @Test
    void underscoreAndPercentAreLiteralNeverWildcards() throws Exception {
        assertThat(column(ListQuery.of(Listing.CLASSES).where("class", auto("Under_score")), "class"))
                .containsExactly("Lcom/q/Under_score;");
        assertThat(column(ListQuery.of(Listing.STRINGS).where("value", auto("a_b%c")), "value"))
                .containsExactly("a_b%c");
        assertThat(column(ListQuery.of(Listing.STRINGS).where("value", auto("a?b%c")), "value"))
                .containsExactly("a_b%c", "aXb%c");
    }

    @Test
    void globsAreAnchoredAndMatchSlashes() throws Exception {
        assertThat(column(ListQuery.of(Listing.METHODS).where("method", auto("Lcom/q/Chain;->l*")), "name"))
                .containsExactly("l1", "l2", "l3", "l4");
        assertThat(column(ListQuery.of(Listing.CLASSES).where("class", auto("*score;")), "class"))
                .containsExactly("Lcom/q/UnderXscore;", "Lcom/q/Under_score;");
        assertThat(column(ListQuery.of(Listing.CLASSES).where("class", auto("Lcom/*/Sub;")), "class"))
                .containsExactly("Lcom/q/Sub;");
    }

    @Test
    void ignoreCaseFoldsUnicode() throws Exception {
        NamePattern p = new NamePattern(NamePattern.Mode.SUBSTRING, "ÑAME", true);
        assertThat(column(ListQuery.of(Listing.METHODS).where("name", p), "method"))
                .containsExactly("Lcom/q/Under_score;->ñame()V");
        assertThat(column(ListQuery.of(Listing.CLASSES).where("class", new NamePattern(NamePattern.Mode.EXACT,
                "LCOM/Q/ÜNÏ$INNER;", true)), "class")).containsExactly("Lcom/q/Ünï$Inner;");
    }

    @Test
    void anExactSignatureFindsOneOverload() throws Exception {
        ListQuery q = ListQuery.of(Listing.METHODS).where("method", NamePattern.exact("Lcom/q/Crypto;->encrypt([B)[B"));
        assertThat(column(q, "method")).containsExactly("Lcom/q/Crypto;->encrypt([B)[B");
        ListQuery calls = ListQuery.of(Listing.CALLS).where("callee", NamePattern.exact("Lcom/q/Crypto;->encrypt([B)[B"));
        assertThat(column(calls, "caller")).containsExactly("Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B",
                "Lcom/q/Users;->fromBytes([B)V", "Lcom/q/Users;->fromBytes([B)V");
    }

    @Test
    void regexIsFoundAnywhereAndFlagsFilterByKeyword() throws Exception {
        assertThat(column(ListQuery.of(Listing.STRINGS).where("value",
                new NamePattern(NamePattern.Mode.REGEX, "^https?://", false)), "value"))
                .containsExactly("https://evil.example/api?x=1");
        assertThat(column(ListQuery.of(Listing.CLASSES).where("flags", auto("interface")), "class"))
                .containsExactly("Lcom/q/Task;");
        assertThat(column(ListQuery.of(Listing.CLASSES).where("flags", auto("public !abstract !final"))
                .where("class", auto("Lcom/q/S*")), "class")).containsExactly("Lcom/q/SmsReceiver;", "Lcom/q/Sub;");
    }

    @Test
    void fieldRefsKnowReadsFromWritesAndFrameworkFields() throws Exception {
        ListQuery q = ListQuery.of(Listing.FIELD_REFS).where("field", NamePattern.exact("Lcom/q/Device;->count:I"));
        assertThat(column(q, "access")).containsExactly("read", "write");
        ListQuery b = ListQuery.of(Listing.FIELD_REFS).where("target_class", NamePattern.exact("Landroid/os/Build;"));
        assertThat(column(b, "method")).containsExactly("Lcom/q/Device;->id()Ljava/lang/String;");
    }

    @Test
    void sortLimitOffsetAndCount() throws Exception {
        ListQuery q = ListQuery.of(Listing.METHODS).where("class", NamePattern.exact("Lcom/q/Chain;"))
                .withSort(List.of("-name")).withPage(2, 1);
        Rows r = index.list(q, null);
        assertThat(r.more()).isTrue();
        assertThat(column(q, "name")).containsExactly("ping", "l4");
        assertThat(index.count(q, null)).isEqualTo(7);
    }

    @Test
    void mistakesAreOneLineErrors() {
        assertThatThrownBy(() -> index.list(ListQuery.of(Listing.CLASSES).where("nope", auto("x")), null))
                .isInstanceOf(QueryException.class).hasMessageContaining("unknown column 'nope'")
                .hasMessageContaining("superclass");
        assertThatThrownBy(() -> index.list(ListQuery.of(Listing.CLASSES)
                .where("class", new NamePattern(NamePattern.Mode.REGEX, "a(b", false)), null))
                .isInstanceOf(QueryException.class).hasMessageStartingWith("bad regex 'a(b'");
        assertThatThrownBy(() -> index.list(ListQuery.of(Listing.METHODS).where("line", auto("ten")), null))
                .hasMessageContaining("bad number 'ten'");
        assertThatThrownBy(() -> index.list(ListQuery.of(Listing.CLASSES).withApp("nope"), null))
                .hasMessageContaining("no app 'nope'");
    }

    @Test
    void sqlIsReadOnly() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        index.sql("SELECT count(*) AS n FROM classes", null, new Rows.Sink() {
            @Override
            public void columns(List<Column> columns) {
                assertThat(columns.get(0).name()).isEqualTo("n");
            }

            @Override
            public boolean row(Object[] values) {
                rows.add(values);
                return true;
            }
        });
        assertThat(rows.get(0)[0]).isEqualTo(13L);
        for (String write : List.of("DELETE FROM classes", "UPDATE classes SET flags = ''", "DROP TABLE calls",
                "CREATE TABLE x (a)", "INSERT INTO meta VALUES ('a', 'b')")) {
            assertThatThrownBy(() -> index.sql(write, null, new Rows.Sink() {
                @Override
                public void columns(List<Column> columns) {
                }

                @Override
                public boolean row(Object[] values) {
                    return true;
                }
            })).as(write).isInstanceOf(QueryException.class).hasMessageContaining("read-only");
        }
        assertThat(index.count(ListQuery.of(Listing.CLASSES), null)).isEqualTo(13);
    }

    @Test
    void aRunawayRegexStopsAtTheDeadline() throws Exception {
        Path tree = tmp.resolve("evil");
        dev.quiver.core.TestTrees.write(tree, "E.smali", ".class public LE;\n.super Ljava/lang/Object;\n"
                + ".method public static m()V\n    .registers 1\n    const-string v0, \"" + "a".repeat(60) + "!\"\n"
                + "    return-void\n.end method\n");
        Path db = tmp.resolve("evil.db");
        dev.quiver.core.Indexer.index(new dev.quiver.core.Indexer.Request(List.of(tree), db,
                dev.quiver.core.Indexer.Format.SQLITE, false, 1, ".smali"), dev.quiver.core.pipeline.ProgressListener.NONE);
        NamePattern evil = new NamePattern(NamePattern.Mode.REGEX, "(.*){1,32000}[bc]", false);
        long start = System.nanoTime();
        try (Index i = Index.open(db)) {
            assertThatThrownBy(() -> i.list(ListQuery.of(Listing.STRINGS).where("value", evil), Deadline.in(300)))
                    .isInstanceOf(QueryException.class).hasMessageContaining("longer than");
            // the connection is usable again afterwards
            assertThat(i.count(ListQuery.of(Listing.STRINGS), null)).isEqualTo(1);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void cancellingStopsAQuestionFromAnotherThread() throws Exception {
        Deadline d = Deadline.none();
        d.cancel();
        assertThatThrownBy(() -> index.list(ListQuery.of(Listing.CALLS), d))
                .isInstanceOf(QueryException.class).hasMessage("cancelled");
    }
}
