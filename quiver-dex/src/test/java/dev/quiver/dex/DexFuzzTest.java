package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Axml;
import dev.quiver.core.FuzzCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutational fuzzing of the APK path: seeded random damage to a DEX (bytes, bits and "interesting"
 * integers such as 0, -1 and 2^31-1 over counts, offsets and sizes) and to an APK's binary manifest,
 * each indexed in this JVM. Whatever the damage, the run must end within its time limit, without an
 * exception or error escaping: what cannot be read is a recorded problem.
 *
 * <p>{@value #DEFAULT_CASES} cases per input in {@code mvn verify}; {@code -Dquiver.fuzz.cases=N} and
 * {@code -Dquiver.fuzz.seed=S} for longer runs. A failure names its seed; the two bugs this found (a
 * forged id count, a forged interface count, both ending the run with an OutOfMemoryError) are pinned in
 * {@link DexHostileInputTest}.
 */
class DexFuzzTest {
    static final int DEFAULT_CASES = 150;
    private static final int[] INTERESTING = {0, 1, -1, 0x7f, 0x80, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000};
    private static final int HEADER = 0x70;

    @TempDir
    Path tmp;

    private byte[] fixtureDex() throws Exception {
        Path fixtures = TestDex.fixtures(DexEquivalenceTest.class);
        return Files.readAllBytes(TestDex.assemble(TestDex.smaliFiles(fixtures), tmp.resolve("fixture.dex")));
    }

    @Test
    void aDamagedDexNeverEndsTheRun() throws Exception {
        byte[] base = fixtureDex();
        List<String> failures = FuzzCases.run(DEFAULT_CASES, tmp.resolve("fuzz.db"),
                (seed, r) -> Files.write(tmp.resolve("classes.dex"), damage(base, r, true)));
        assertThat(failures).as("seeds whose damaged DEX ended the run").isEmpty();
    }

    @Test
    void aDamagedManifestNeverEndsTheRun() throws Exception {
        byte[] dex = fixtureDex();
        // aapt's layout (string pool, resource map, namespaces, typed attributes), components with
        // intent filters: the structures the manifest reader walks.
        byte[] manifest = Axml.write(Axml.sampleManifest(), false);
        List<String> failures = FuzzCases.run(DEFAULT_CASES, tmp.resolve("fuzz.db"), (seed, r) -> {
            byte[] damaged = damage(manifest, r, false);
            if (r.nextInt(8) == 0) {
                damaged = java.util.Arrays.copyOf(damaged, r.nextInt(damaged.length));
            }
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("AndroidManifest.xml", damaged);
            entries.put("classes.dex", dex);
            return TestDex.zip(tmp.resolve("app.apk"), entries);
        });
        assertThat(failures).as("seeds whose damaged manifest ended the run").isEmpty();
    }

    /** {@code data} with 1 to 40 random changes; a DEX's magic, checksum and signature mostly spared. */
    private static byte[] damage(byte[] data, Random r, boolean dex) {
        byte[] b = data.clone();
        int changes = 1 + r.nextInt(r.nextBoolean() ? 4 : 40);
        for (int i = 0; i < changes; i++) {
            int at;
            if (dex) {
                at = r.nextInt(10) == 0 ? 32 + r.nextInt(HEADER - 36) : HEADER + r.nextInt(b.length - HEADER - 4);
            } else {
                at = r.nextInt(b.length - 4);
            }
            switch (r.nextInt(3)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
                default -> {
                    int v = INTERESTING[r.nextInt(INTERESTING.length)];
                    at &= ~3;
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >> 8);
                    b[at + 2] = (byte) (v >> 16);
                    b[at + 3] = (byte) (v >> 24);
                }
            }
        }
        return b;
    }
}
