package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.query.Index;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jf.baksmali.BaksmaliOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A smali tree is whatever baksmali wrote with whatever options it was given: for each output option, the
 * tree of one DEX indexes to the same database as the DEX itself. The DEX holds the fixtures of
 * {@link DexEquivalenceTest}, {@code self-references.smali}, whose members refer to their own class
 * everywhere baksmali can leave the class out ({@code --implicit-references}): instructions, static field
 * values, method handles and call sites, and {@code space-names.smali}, whose names hold space characters
 * that are legal in DEX 035 (U+3000, U+1680, U+205F) and that baksmali therefore writes between backticks.
 */
class BaksmaliOptionsTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> variants() {
        return Stream.of(
                variant("default", o -> { }),
                variant("--implicit-references", o -> o.implicitReferences = true),
                variant("--use-locals", o -> o.localsDirective = true),
                variant("--sequential-labels", o -> o.sequentialLabels = true),
                variant("--code-offsets", o -> o.codeOffsets = true),
                variant("--debug-info false", o -> o.debugInfo = false),
                variant("--accessor-comments false", o -> o.accessorComments = false),
                variant("all of them", o -> {
                    o.implicitReferences = true;
                    o.localsDirective = true;
                    o.sequentialLabels = true;
                    o.codeOffsets = true;
                    o.debugInfo = false;
                    o.accessorComments = false;
                }));
    }

    private static Arguments variant(String name, Consumer<BaksmaliOptions> set) {
        return Arguments.of(name, set);
    }

    private Path dex() throws Exception {
        List<Path> smali = new ArrayList<>(TestDex.smaliFiles(TestDex.fixtures(DexEquivalenceTest.class)));
        smali.addAll(TestDex.smaliFiles(TestDex.fixtures(BaksmaliOptionsTest.class)));
        return TestDex.assemble(smali, tmp.resolve("classes.dex"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theTreeBaksmaliWritesIndexesAsTheDexItCameFrom(String name, Consumer<BaksmaliOptions> set)
            throws Exception {
        Path dex = dex();
        BaksmaliOptions options = new BaksmaliOptions();
        set.accept(options);
        Path tree = TestDex.disassemble(dex, tmp.resolve("tree"), options);
        TestDex.index(tmp.resolve("dex.db"), 1, dex);
        TestDex.index(tmp.resolve("smali.db"), 1, tree);

        Map<String, List<String>> fromDex = IndexContent.of(tmp.resolve("dex.db"));
        assertThat(IndexContent.diff(fromDex, IndexContent.of(tmp.resolve("smali.db")), 50))
                .as("DEX (-) against baksmali %s (+)", name).isEmpty();
        assertThat(fromDex.get("problems")).isEmpty();
        // The fixture's references to its own class, as the DEX gives them.
        assertThat(fromDex.get("calls")).contains(
                "Lcom/example/Self;->make(I)Lcom/example/Self; #2 virtual {v3} Lcom/example/Self;->ordinal()I | -",
                "Lcom/example/Self;->make(I)Lcom/example/Self; #4 custom {v0} Lcom/example/Self;->bootstrap("
                        + "Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/invoke/MethodHandle;)Ljava/lang/invoke/CallSite; | call_site_0(\"make\", "
                        + "(Lcom/example/Self;)Ljava/lang/Runnable;, invoke-static@Lcom/example/Self;->make(I)"
                        + "Lcom/example/Self;)@Lcom/example/Self;->bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;"
                        + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;)"
                        + "Ljava/lang/invoke/CallSite;");
        assertThat(fromDex.get("calls")).anyMatch(c -> c.startsWith(
                "Lcom/example/Self;->make(I)Lcom/example/Self; #5 custom/range {p0 .. p0} Lcom/example/Self;->bootstrap("));
        assertThat(fromDex.get("fields")).contains(
                "Lcom/example/Self;->FIRST:Lcom/example/Self; | public static final | "
                        + ".enum Lcom/example/Self;->ONE:Lcom/example/Self;",
                "Lcom/example/Self;->MEMBERS:[Ljava/lang/Object; | public static final | {Lcom/example/Self;->count:I, "
                        + "Lcom/example/Self;->make(I)Lcom/example/Self;, invoke-static@Lcom/example/Self;->make(I)"
                        + "Lcom/example/Self;, static-get@Lcom/example/Self;->ONE:Lcom/example/Self;, "
                        + "\"count:I, make(I)V @x\", ':', Lcom/example/Self;, (I)Lcom/example/Self;}",
                "Lcom/example/Self;->NOTE:Ljava/lang/String; | public static final | \"not(a):reference\"");
        // Names with space characters, which baksmali writes between backticks, as they are.
        assertThat(TestDex.rows(tmp.resolve("smali.db"), "SELECT descriptor FROM classes"))
                .contains("Lcom/example/wide\u3000space/Name\u1680;");
        assertThat(TestDex.rows(tmp.resolve("smali.db"), "SELECT callee FROM v_calls"))
                .contains("Lcom/example/wide\u3000space/Name\u1680;->\u3000(Lcom/example/wide\u3000space/Name\u1680;"
                        + "[Lcom/example/wide\u3000space/Name\u1680;)V");
    }

    @Test
    void withoutParameterRegistersOnlyTheRegisterNamesDiffer() throws Exception {
        Path dex = dex();
        BaksmaliOptions options = new BaksmaliOptions();
        options.parameterRegisters = false;
        Path tree = TestDex.disassemble(dex, tmp.resolve("tree"), options);
        TestDex.index(tmp.resolve("dex.db"), 1, dex);
        TestDex.index(tmp.resolve("smali.db"), 1, tree);

        try (Index a = Index.open(tmp.resolve("dex.db"));
             Index b = Index.open(tmp.resolve("smali.db"))) {
            Map<String, Long> dexCounts = new HashMap<>(a.counts());
            Map<String, Long> smaliCounts = new HashMap<>(b.counts());
            dexCounts.remove("sources"); // one DEX file against one smali file per class
            smaliCounts.remove("sources");
            assertThat(smaliCounts).isEqualTo(dexCounts);
        }
        Map<String, List<String>> diff = IndexContent.diff(IndexContent.of(tmp.resolve("dex.db")),
                IndexContent.of(tmp.resolve("smali.db")), 1000);
        // The register names do differ (p0 against v5), and nothing else does.
        assertThat(diff).isNotEmpty();
        assertThat(diff.keySet()).allMatch(table -> table.startsWith("calls ("));
    }
}
