package dev.quiver.core.smali;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.FuzzCases;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutational fuzzing of the smali path: seeded random damage to the test fixtures (bytes outside
 * ASCII, deleted runs, smali tokens dropped anywhere — quotes, braces, directives, huge or negative
 * numbers, escapes, NUL —, duplicated lines, truncation, 200 KB lines), each damaged file indexed
 * into SQLite in this JVM. Whatever the damage, the run must end within its time limit with nothing
 * escaping: what cannot be read is a recorded problem.
 *
 * <p>{@value #DEFAULT_CASES} cases in {@code mvn verify}; {@code -Dquiver.fuzz.cases=N} and
 * {@code -Dquiver.fuzz.seed=S} for longer runs ({@link FuzzCases}; 1,500 cases over the medium corpus
 * tree found nothing when this was written). A failure names its seed.
 */
class SmaliFuzzTest {
    static final int DEFAULT_CASES = 200;
    private static final String[] TOKENS = {".method", ".end method", ".registers 99999999999", "{", "}", "\"",
        "\\", "->", ":", "(", ")", "L", ";", ".annotation", ".end annotation", ".packed-switch 0x7fffffff",
        ".array-data 4", ".end array-data", ".catch", "invoke-virtual {", "const-string v0, \"", "\\u", "\\uD800",
        "\u0000", "#", ".line -1", ".line 99999999999", ".field", "=", "..", ".class", ".super", ".source \"",
        "goto :", ".locals -5", ".param p", ".end param", "\r", "\uFEFF"};

    @TempDir
    Path tmp;

    @Test
    void aDamagedSmaliFileNeverEndsTheRun() throws Exception {
        List<Path> fixtures = fixtures();
        assertThat(fixtures).hasSizeGreaterThan(10);
        List<String> failures = FuzzCases.run(DEFAULT_CASES, tmp.resolve("fuzz.db"), (seed, r) -> {
            Path source = fixtures.get(r.nextInt(fixtures.size()));
            return Files.write(tmp.resolve("A.smali"), damage(Files.readAllBytes(source), r));
        });
        assertThat(failures).as("seeds whose damaged smali ended the run").isEmpty();
    }

    /** Every .smali file of the module's test resources. */
    private static List<Path> fixtures() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(SmaliFuzzTest.class.getResource("/smali").toURI()).getParent();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".smali")).sorted().toList();
        }
    }

    /** {@code text} (read as Latin-1, so any byte survives) with 1 to 30 random changes. */
    private static byte[] damage(byte[] text, Random r) {
        StringBuilder sb = new StringBuilder(new String(text, StandardCharsets.ISO_8859_1));
        int changes = 1 + r.nextInt(r.nextBoolean() ? 3 : 30);
        for (int i = 0; i < changes && sb.length() > 1; i++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(6)) {
                case 0 -> sb.setCharAt(at, (char) r.nextInt(256));
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(40)));
                case 2 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    int end = sb.indexOf("\n", at);
                    if (end > 0) {
                        int start = sb.lastIndexOf("\n", at) + 1;
                        sb.insert(end + 1, sb.substring(start, end + 1));
                    }
                }
                case 4 -> sb.setLength(at);
                default -> sb.insert(at, "x".repeat(r.nextInt(3) == 0 ? 200_000 : 50));
            }
        }
        // Back to bytes: a char up to 0xFF is that byte (so invalid UTF-8 comes through), a token's
        // wider char its UTF-8 (an unpaired \uD800 becomes '?').
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(sb.length() + 16);
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c <= 0xFF) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
