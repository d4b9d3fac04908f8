package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Axml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same classes through the smali path (fixtures written as baksmali writes them) and the DEX path
 * (the fixtures assembled with smali) give the same database, line numbers and source paths aside.
 */
class DexEquivalenceTest {
    @TempDir
    Path tmp;

    private final Path fixtures = TestDex.fixtures(DexEquivalenceTest.class);

    @Test
    void smaliFixturesAndTheirDexGiveTheSameDatabase() throws Exception {
        Path dex = TestDex.assemble(TestDex.smaliFiles(fixtures), tmp.resolve("classes.dex"));
        TestDex.index(tmp.resolve("smali.db"), 1, fixtures);
        TestDex.index(tmp.resolve("dex.db"), 1, dex);

        Map<String, List<String>> smali = IndexContent.of(tmp.resolve("smali.db"));
        Map<String, List<String>> fromDex = IndexContent.of(tmp.resolve("dex.db"));
        assertThat(IndexContent.diff(smali, fromDex, 50)).as("smali (-) against DEX (+)").isEmpty();
        // The comparison is only worth something if the fixtures exercise the model.
        assertThat(fromDex.get("calls")).hasSize(10);
        assertThat(fromDex.get("fields")).hasSize(16);
        assertThat(fromDex.get("problems")).isEmpty();
        assertThat(TestDex.rows(tmp.resolve("dex.db"), "SELECT kind FROM inputs")).containsExactly("dex");
    }

    @Test
    void everyValueKindIsWrittenAsBaksmaliWritesIt() throws Exception {
        Path dex = TestDex.assemble(List.of(fixtures.resolve("everything.smali")), tmp.resolve("classes.dex"));
        TestDex.index(tmp.resolve("dex.db"), 1, dex);

        assertThat(TestDex.rows(tmp.resolve("dex.db"),
                "SELECT name || ' = ' || ifnull(initial_value, '-') FROM fields ORDER BY name")).containsExactly(
                "BOOL = true", "BYTE = -0x1t", "CHAR = '\\''", "CHAR_E = '\\u00e9'", "DOUBLE = -2.25",
                "ENUM = .enum Ljava/lang/Thread$State;->NEW:Ljava/lang/Thread$State;", "FLOAT = 1.5f",
                "INT = -0x80000000", "LONG = 0x123456789abcdefL", "SHORT = 0x7fffs",
                "TEXT = \"tab\\there \\\"quoted\\\" caf\\u00e9 .class ;\"", "TYPE = Ljava/lang/String;",
                "counter = -", "matrix = -", "name = -");
        assertThat(TestDex.rows(tmp.resolve("dex.db"),
                "SELECT kind || ' {' || registers || '} ' || callee || ifnull(' | ' || extra, '') FROM v_calls"
                        + " WHERE caller LIKE '%->wide(%' OR caller LIKE '%->run()V' ORDER BY id"))
                .contains(
                        "static/range {p0 .. p5} Lcom/example/Everything;->wide(JDI[Ljava/lang/Object;)J",
                        "static/range {v4 .. v9} Lcom/example/Everything;->wide(JDI[Ljava/lang/Object;)J",
                        "static {} Ljava/lang/System;->nanoTime()J",
                        "polymorphic {v1, v2} Ljava/lang/invoke/MethodHandle;->invoke([Ljava/lang/Object;)"
                                + "Ljava/lang/Object; | (Ljava/lang/StringBuilder;)V",
                        "custom {v0} Lcom/example/Everything;->bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;"
                                + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I)"
                                + "Ljava/lang/invoke/CallSite; | call_site_0(\"run\", ()Ljava/lang/Runnable;, "
                                + "\"extra\", 0x5)@Lcom/example/Everything;->bootstrap("
                                + "Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                                + "Ljava/lang/invoke/MethodType;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;");
    }

    @Test
    void apkWithTwoDexFilesGivesTheSameDatabaseAsItsSmali() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", Axml.write(Axml.sampleManifest(), false));
        entries.put("classes2.dex", Files.readAllBytes(TestDex.assemble(
                List.of(fixtures.resolve("unicode-names.smali")), tmp.resolve("2.dex"))));
        entries.put("classes.dex", Files.readAllBytes(TestDex.assemble(
                List.of(fixtures.resolve("everything.smali")), tmp.resolve("1.dex"))));
        Path apk = TestDex.zip(tmp.resolve("app.apk"), entries);

        // The smali side holds exactly the two files the APK was built from.
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        for (String f : List.of("everything.smali", "unicode-names.smali")) {
            Files.copy(fixtures.resolve(f), tree.resolve(f));
        }
        TestDex.index(tmp.resolve("smali.db"), 2, tree);
        TestDex.index(tmp.resolve("apk.db"), 2, apk);

        assertThat(IndexContent.diff(IndexContent.of(tmp.resolve("smali.db")), IndexContent.of(tmp.resolve("apk.db")),
                50)).isEmpty();
        // Android's order, not the archive's: classes.dex before classes2.dex.
        assertThat(TestDex.rows(tmp.resolve("apk.db"), "SELECT path FROM sources ORDER BY id"))
                .containsExactly("classes.dex", "classes2.dex");
        assertThat(TestDex.rows(tmp.resolve("apk.db"), "SELECT kind FROM inputs")).containsExactly("apk");
    }

    @Test
    void aLargeDexIsSplitIntoClassRangesAndOneThreadEqualsTwo() throws Exception {
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            classes.add(".class public Lgen/C" + i + ";\n.super Ljava/lang/Object;\n\n"
                    + ".method public static m()V\n    .registers 1\n\n"
                    + "    const-string v0, \"s" + i + "\"\n\n    return-void\n.end method\n");
        }
        Path dex = TestDex.assembleText(tmp, classes, "classes.dex");
        var one = TestDex.index(tmp.resolve("one.db"), 1, dex);
        TestDex.index(tmp.resolve("two.db"), 2, dex);

        assertThat(one.units()).isEqualTo((600 + DexUnits.CLASSES_PER_UNIT - 1) / DexUnits.CLASSES_PER_UNIT);
        assertThat(one.bytes()).isEqualTo(Files.size(dex));
        assertThat(one.classes()).isEqualTo(600);
        // Consecutive units of one DEX share one source row.
        assertThat(TestDex.rows(tmp.resolve("one.db"), "SELECT path || ' ' || bytes FROM sources"))
                .containsExactly("classes.dex " + Files.size(dex));
        assertThat(IndexContent.of(tmp.resolve("two.db"))).isEqualTo(IndexContent.of(tmp.resolve("one.db")));
        assertThat(TestDex.rows(tmp.resolve("two.db"), "SELECT descriptor FROM classes ORDER BY id"))
                .isEqualTo(TestDex.rows(tmp.resolve("one.db"), "SELECT descriptor FROM classes ORDER BY id"));
    }
}
