package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Indexer;
import dev.quiver.core.Indexer.Format;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefQuery.Target;
import dev.quiver.core.xref.XrefResult;
import dev.quiver.core.xref.XrefRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-references against an independent reader: for a seeded sample of methods, fields and strings
 * of each corpus app, {@code xref} on Quiver's index equals what {@link DexEdges} computes from the
 * same DEX with dexlib2 alone: callers at depth 1 and 2 (as sets of signatures, with their depths),
 * callees at depth 1 and 2, field readers and writers, string loaders. The index is built from the
 * APK/DEX (the DEX path) and, where the corpus has it, from its baksmali tree (the smali path).
 */
class XrefAgainstDexlib2Test {
    private static final long SEED = Long.getLong("xref.seed", 20261201L);
    private static final int SAMPLE = Integer.getInteger("xref.sample", 150);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
        "dex/AppiumBootstrap-classes.dex, dex",
        "dex/AppiumBootstrap-classes.dex, small-smali",
        "apk/ApiDemos-debug.apk, apk",
        "apk/ApiDemos-debug.apk, medium-smali",
        "apk/settings_apk-debug.apk, apk"})
    void xrefEqualsDexlib2(String original, String input) throws Exception {
        Path corpus = Corpus.dir();
        Path dex = corpus.resolve(original);
        Path in = input.endsWith("-smali") ? corpus.resolve(input) : dex;
        Assumptions.assumeTrue(Files.exists(dex) && Files.exists(in), () -> "no " + in);
        DexEdges expected = DexEdges.of(dex);
        Path db = tmp.resolve("x.db");
        Indexer.index(new Indexer.Request(List.of(in), db, Format.SQLITE, false, 2, ".smali"), ProgressListener.NONE);
        Random random = new Random(SEED ^ original.hashCode());
        int checked = 0;
        try (Index index = Index.open(db)) {
            for (String target : sample(expected.callers.keySet(), random)) {
                Set<String> roots = Set.of(target);
                assertSame(xref(index, Target.CALLERS, target, 1), DexEdges.closure(expected.callers, roots, 1),
                        "callers of " + target);
                checked++;
            }
            for (String target : third(sample(expected.callers.keySet(), random))) {
                assertSame(xref(index, Target.CALLERS, target, 2),
                        DexEdges.closure(expected.callers, Set.of(target), 2), "callers --depth 2 of " + target);
                checked++;
            }
            for (String m : sample(expected.withCode, random)) {
                assertSame(xref(index, Target.CALLEES, m, 1), DexEdges.closure(expected.callees, Set.of(m), 1),
                        "callees of " + m);
                checked++;
            }
            for (String m : third(sample(expected.withCode, random))) {
                assertSame(xref(index, Target.CALLEES, m, 2), DexEdges.closure(expected.callees, Set.of(m), 2),
                        "callees --depth 2 of " + m);
                checked++;
            }
            for (String f : sample(expected.readers.keySet(), random)) {
                assertSame(xref(index, Target.READERS, f, 1), depth1(expected.readers.get(f)), "readers of " + f);
                checked++;
            }
            for (String f : sample(expected.writers.keySet(), random)) {
                assertSame(xref(index, Target.WRITERS, f, 1), depth1(expected.writers.get(f)), "writers of " + f);
                checked++;
            }
            for (String s : sample(expected.strings.keySet(), random)) {
                if (hasLoneSurrogate(s)) {
                    continue; // stored exactly as WTF-8 bytes, which JDBC reads back as U+FFFD (docs/SCHEMA.md)
                }
                assertSame(xref(index, Target.STRING_USERS, s, 1), depth1(expected.strings.get(s)), "loaders of " + s);
                checked++;
            }
        }
        System.out.printf("%s via %s: %d cross-references equal dexlib2's%n", original, input, checked);
        assertThat(checked).isGreaterThan(100);
    }

    private static Map<String, Integer> xref(Index index, Target t, String spec, int depth) throws QueryException {
        XrefQuery q = XrefQuery.of(t, spec).withDepth(depth);
        XrefResult r = Xref.run(index, q, null);
        Map<String, Integer> out = new HashMap<>();
        for (XrefRow row : r.rows()) {
            assertThat(out.put(row.method(), row.depth())).as("%s reported twice for %s", row.method(), spec).isNull();
        }
        return out;
    }

    private static void assertSame(Map<String, Integer> actual, Map<String, Integer> expected, String what) {
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static Map<String, Integer> depth1(Set<String> methods) {
        Map<String, Integer> out = new HashMap<>();
        for (String m : methods) {
            out.put(m, 1);
        }
        return out;
    }

    private static List<String> sample(Set<String> all, Random random) {
        List<String> list = new ArrayList<>(all);
        Collections.shuffle(list, random);
        return list.subList(0, Math.min(SAMPLE, list.size()));
    }

    private static List<String> third(List<String> l) {
        return l.subList(0, Math.min(l.size(), Math.max(1, SAMPLE / 3)));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
