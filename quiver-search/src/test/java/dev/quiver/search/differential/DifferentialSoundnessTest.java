package dev.quiver.search.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the engine's fast paths sound against {@link GrepOracle}: random patterns and texts from
 * {@link CaseGenerator}, each searched with no option and with each of {@code -i -w -x -v -c -o -F
 * -U} (plus one random combination), must print exactly what the oracle prints. On a divergence
 * the case is shrunk and printed with its seed, so that it can be replayed and pinned.
 *
 * <p>System properties (all optional; {@code bench/search-soak.sh} sets them for a long run):
 * <ul>
 *   <li>{@code quiver.soundness.seed}: the run's seed (default 20261201); each case gets its own
 *       seed from it, printed on failure;</li>
 *   <li>{@code quiver.soundness.cases}: how many cases (default 400, about 10 s);</li>
 *   <li>{@code quiver.soundness.seconds}: run for this long instead (a soak; cases unlimited);</li>
 *   <li>{@code quiver.soundness.case}: replay exactly one case by its own seed;</li>
 *   <li>{@code quiver.soundness.options}: option sets to try, comma-separated letters, e.g.
 *       {@code "i,w,iwo,U"} ({@code ""} is no option; default: none, each option, one random mix);</li>
 *   <li>{@code quiver.soundness.texts}: a file whose lines make the texts instead of random ones;</li>
 *   <li>{@code quiver.soundness.report}: how many divergences to shrink and print in full (default 5).</li>
 * </ul>
 */
class DifferentialSoundnessTest {

    @TempDir
    Path dir;

    @Test
    void enginePrintsWhatJavaUtilRegexFindsLineByLine() throws Exception {
        long seed = Long.parseLong(System.getProperty("quiver.soundness.seed", "20261201"));
        int cases = Integer.parseInt(System.getProperty("quiver.soundness.cases", "400"));
        long seconds = Long.parseLong(System.getProperty("quiver.soundness.seconds", "0"));
        String one = System.getProperty("quiver.soundness.case");
        List<Set<Option>> fixedSets = optionSets(System.getProperty("quiver.soundness.options"));
        List<byte[]> texts = textLines(System.getProperty("quiver.soundness.texts"));
        int maxReported = Integer.parseInt(System.getProperty("quiver.soundness.report", "5"));

        Divergence divergence = new Divergence(new Engine(dir.resolve("case.txt")));
        Shrinker shrinker = new Shrinker(divergence);
        CaseGenerator seeds = new CaseGenerator(seed, null);
        long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
        Map<Divergence.Skip, Integer> skipped = new EnumMap<>(Divergence.Skip.class);
        List<String> failures = new ArrayList<>();
        int judged = 0;
        int withOutput = 0;
        int n = 0;
        for (; one != null ? n < 1 : seconds > 0 ? System.nanoTime() < deadline : n < cases; n++) {
            long caseSeed = one != null ? Long.parseLong(one) : seeds.nextSeed();
            CaseGenerator g = new CaseGenerator(caseSeed, texts);
            byte[] text = g.text();
            List<String> regexes = g.patterns(false, text);
            List<String> literals = g.patterns(true, text);
            List<Set<Option>> sets = fixedSets != null ? fixedSets : defaultSets(g);
            for (Set<Option> options : sets) {
                SearchCase c = new SearchCase(options.contains(Option.FIXED) ? literals : regexes, options, text);
                String diff = divergence.check(c);
                if (divergence.lastSkip() != null) {
                    skipped.merge(divergence.lastSkip(), 1, Integer::sum);
                }
                if (diff == null) {
                    if (divergence.lastSkip() == null) {
                        judged++;
                        withOutput += divergence.lastMatched() ? 1 : 0;
                    }
                    continue;
                }
                if (failures.size() < maxReported) {
                    SearchCase small = divergence.lastSkip() == null ? shrinker.shrink(c) : c;
                    String smallDiff = divergence.check(small);
                    failures.add("case seed " + caseSeed + " (run seed " + seed + ", case " + n + ")\n" + c + "\n" + diff
                            + "shrunk to:\n" + small + "\n" + (smallDiff == null ? diff : smallDiff));
                } else {
                    failures.add("case seed " + caseSeed);
                }
            }
        }
        System.out.printf("differential soundness: %d cases, %d searches judged (%d with a matching line), skipped %s,"
                + " %d divergences (seed %d)%n", n, judged, withOutput, skipped, failures.size(), seed);
        assertThat(failures).as("divergences from the oracle (replay one with -Dquiver.soundness.case=SEED)\n"
                + String.join("\n\n", failures.subList(0, Math.min(maxReported, failures.size())))).isEmpty();
        if (one == null && fixedSets == null && texts == null) {
            // the generator must keep matches frequent, or the comparison proves little (about 40 %
            // of the searches find a matching line; a broken generator finds next to none)
            assertThat(withOutput).as("searches with a matching line, of " + judged).isGreaterThan(judged / 5);
        }
    }

    private static List<Set<Option>> defaultSets(CaseGenerator g) {
        List<Set<Option>> sets = new ArrayList<>();
        sets.add(Set.of());
        for (Option o : Option.values()) {
            sets.add(Set.of(o));
        }
        sets.add(g.combination());
        return sets;
    }

    private static List<Set<Option>> optionSets(String spec) {
        if (spec == null) {
            return null;
        }
        List<Set<Option>> sets = new ArrayList<>();
        for (String s : spec.split(",", -1)) {
            sets.add(Option.parse(s.trim()));
        }
        return sets;
    }

    private static List<byte[]> textLines(String file) throws IOException {
        if (file == null || file.isBlank()) {
            return null;
        }
        byte[] all = Files.readAllBytes(Path.of(file));
        List<byte[]> lines = new ArrayList<>();
        for (int[] l : GrepOracle.lines(all)) {
            byte[] line = new byte[l[1] - l[0]];
            System.arraycopy(all, l[0], line, 0, line.length);
            if (line.length > 0 && line[0] != 0) {
                lines.add(line);
            }
        }
        return lines;
    }
}
