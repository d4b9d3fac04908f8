package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.RunSummary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad DEX files and APKs: each gives a clear problem, the rest is still indexed, and nothing crashes. */
class DexHostileInputTest {
    private static final String GOOD = """
            .class public Lgood/A;
            .super Ljava/lang/Object;

            .method public static m()V
                .registers 1

                const-string v0, "still here"

                return-void
            .end method
            """;

    /** These APKs are bare archives of DEX files: real ones have a manifest, so its absence is reported. */
    private static final String NO_MANIFEST = "manifest AndroidManifest.xml: no AndroidManifest.xml in this APK "
            + "(Android would refuse to install it)";

    @TempDir
    Path tmp;

    private byte[] dex;

    @BeforeEach
    void assemble() throws Exception {
        dex = Files.readAllBytes(TestDex.assembleText(tmp, List.of(GOOD, GOOD.replace("good/A", "good/B")),
                "good.dex"));
    }

    private List<String> problems(Path db) throws Exception {
        return TestDex.rows(db, "SELECT kind || ' ' || path || ': ' || message FROM problems ORDER BY id");
    }

    @Test
    void dexAndApkAreFoundThroughTheServiceLoader() throws Exception {
        Path apk = TestDex.zip(tmp.resolve("app.apk"), Map.of("classes.dex", dex));
        Path oddlyNamed = Files.write(tmp.resolve("payload.bin"), dex);
        InputFormats formats = new InputFormats(".smali");
        assertThat(formats.forPath(tmp.resolve("good.dex")).name()).isEqualTo("dex");
        assertThat(formats.forPath(oddlyNamed).name()).isEqualTo("dex");
        assertThat(formats.forPath(apk).name()).isEqualTo("apk");
    }

    /** 036 was never used (and is not "up to 039"); 040 and 041 are newer than dexlib2 2.5.2. */
    @ParameterizedTest
    @ValueSource(strings = {"036", "040", "041"})
    void anUnreadDexVersionIsUnsupportedNotACrash(String version) throws Exception {
        byte[] other = dex.clone();
        other[4] = (byte) version.charAt(0);
        other[5] = (byte) version.charAt(1);
        other[6] = (byte) version.charAt(2);
        Path file = Files.write(tmp.resolve("classes.dex"), other);
        Path good = tmp.resolve("good.dex");

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 2, file, good);

        assertThat(problems(tmp.resolve("q.db"))).containsExactly("unsupported classes.dex: unsupported DEX version "
                + version + " (Quiver reads 035, 037, 038 and 039)");
        assertThat(s.classes()).as("the other input is still indexed").isEqualTo(2);
    }

    @Test
    void truncatedDexIsAProblem() throws Exception {
        Path file = Files.write(tmp.resolve("classes.dex"), Arrays.copyOf(dex, dex.length / 2));

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, file);

        assertThat(problems(tmp.resolve("q.db"))).containsExactly("io classes.dex: truncated DEX: the header declares "
                + dex.length + " bytes, there are " + dex.length / 2);
        assertThat(s.classes()).isZero();
    }

    @Test
    void fileShorterThanADexHeaderIsAProblem() throws Exception {
        Path file = Files.write(tmp.resolve("tiny.dex"), "dex\n035\0".getBytes(StandardCharsets.US_ASCII));

        TestDex.index(tmp.resolve("q.db"), 1, file);

        assertThat(problems(tmp.resolve("q.db")))
                .containsExactly("io tiny.dex: truncated DEX: 8 bytes, less than the 112-byte header");
    }

    @Test
    void corruptClassIsSkippedAndTheOthersAreRead() throws Exception {
        byte[] bad = dex.clone();
        ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
        int classDefs = b.getInt(0x64);
        b.putInt(classDefs + 24, 0x7ffffff0); // class_data_off of the first class: far past the end
        Path file = Files.write(tmp.resolve("classes.dex"), bad);

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, file);

        assertThat(problems(tmp.resolve("q.db"))).singleElement().asString()
                .startsWith("io classes.dex: corrupt DEX: class Lgood/A; could not be read (");
        assertThat(TestDex.rows(tmp.resolve("q.db"), "SELECT descriptor FROM classes")).containsExactly("Lgood/B;");
        assertThat(s.strings()).isEqualTo(1);
    }

    /** Found by fuzzing: the reference caches were sized by this count before anything was read. */
    @ParameterizedTest
    @ValueSource(ints = {0x38, 0x40, 0x48, 0x50, 0x58})
    void anIdSectionCountPastTheEndOfTheFileIsAProblemNotAnOutOfMemoryError(int countOffset) throws Exception {
        byte[] bad = dex.clone();
        ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
        int start = b.getInt(countOffset + 4);
        b.putInt(countOffset, Integer.MAX_VALUE);
        Path file = Files.write(tmp.resolve("classes.dex"), bad);

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 2, file, tmp.resolve("good.dex"));

        String section = Map.of(0x38, "string ids", 0x40, "type ids", 0x48, "prototype ids", 0x50, "field ids",
                0x58, "method ids").get(countOffset);
        assertThat(problems(tmp.resolve("q.db"))).containsExactly("io classes.dex: corrupt DEX: 2147483647 "
                + section + " at offset " + start + " run past the end of the file (" + bad.length + " bytes)");
        assertThat(s.classes()).as("the other input is still indexed").isEqualTo(2);
    }

    /**
     * Found by fuzzing: a class's interface list declaring 2^31-1 entries was copied whole, which asked
     * the JVM for that array up front (an OutOfMemoryError that ended the run). Now the list is read
     * item by item, fails at the first bad one, and only that class is lost.
     */
    @Test
    void aForgedInterfaceCountLosesOnlyItsClass() throws Exception {
        byte[] withInterfaces = Files.readAllBytes(TestDex.assembleText(tmp, List.of(
                GOOD.replace(".super Ljava/lang/Object;", ".super Ljava/lang/Object;\n.implements Ljava/lang/Runnable;"),
                GOOD.replace("good/A", "good/B")), "ifaces.dex"));
        ByteBuffer b = ByteBuffer.wrap(withInterfaces).order(ByteOrder.LITTLE_ENDIAN);
        int classDefs = b.getInt(0x64);
        int typeList = -1;
        for (int i = 0; i < b.getInt(0x60); i++) {
            typeList = Math.max(typeList, b.getInt(classDefs + i * 32 + 12)); // interfaces_off; 0 for none
        }
        assertThat(typeList).as("Lgood/A; has an interface list").isPositive();
        b.putInt(typeList, Integer.MAX_VALUE);
        Path file = Files.write(tmp.resolve("classes.dex"), withInterfaces);

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, file);

        assertThat(problems(tmp.resolve("q.db"))).singleElement().asString()
                .startsWith("io classes.dex: corrupt DEX: class Lgood/A; could not be read (");
        assertThat(TestDex.rows(tmp.resolve("q.db"), "SELECT descriptor FROM classes")).containsExactly("Lgood/B;");
        assertThat(s.problems()).isEqualTo(1);
    }

    @Test
    void apkThatIsNotAZipIsAProblem() throws Exception {
        Path apk = Files.writeString(tmp.resolve("fake.apk"), "this is not a zip archive");

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, apk, tmp.resolve("good.dex"));

        assertThat(problems(tmp.resolve("q.db"))).containsExactly("archive : not a zip archive (no central directory, no "
                + "entry at the start); an APK, JAR or ZIP was expected");
        assertThat(s.classes()).isEqualTo(2);
    }

    @Test
    void apkWithoutClassesDexIsAProblem() throws Exception {
        Path apk = TestDex.zip(tmp.resolve("res.apk"), Map.of("AndroidManifest.xml", new byte[] {3, 0},
                "lib/notes.txt", new byte[200]));

        TestDex.index(tmp.resolve("q.db"), 1, apk);

        assertThat(problems(tmp.resolve("q.db"))).containsExactly(
                "manifest AndroidManifest.xml: truncated binary XML: 2 bytes, less than a chunk header",
                "unsupported : no classes.dex in this archive; nothing to index");
    }

    @Test
    void entryNamesWithDotDotAreReportedAndNeverFollowed() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../classes.dex", dex);
        entries.put("/etc/evil.so", new byte[] {1});
        entries.put("classes.dex", dex);
        Path apk = TestDex.zip(tmp.resolve("evil.apk"), entries);

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, apk);

        assertThat(problems(tmp.resolve("q.db"))).containsExactly(
                "archive ../../classes.dex: unsafe entry name (absolute or with '..'); never used as a path",
                "archive /etc/evil.so: unsafe entry name (absolute or with '..'); never used as a path",
                NO_MANIFEST);
        assertThat(s.classes()).isEqualTo(2);
        assertThat(Files.exists(tmp.getParent().getParent().resolve("classes.dex"))).isFalse();
    }

    @Test
    void duplicateEntryNamesAreNotRead() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("classes.dex", dex);
        entries.put("classes.xex", dex); // renamed to a second "classes.dex" below; zip writers refuse duplicates
        entries.put("classes2.dex", dex);
        byte[] zip = Files.readAllBytes(TestDex.zip(tmp.resolve("dup.apk"), entries));
        Path apk = Files.write(tmp.resolve("dup.apk"), replaceAll(zip, "classes.xex", "classes.dex"));

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, apk);

        assertThat(problems(tmp.resolve("q.db"))).containsExactly("archive classes.dex: the archive holds 2 entries "
                + "named classes.dex (Android refuses such APKs); none was read", NO_MANIFEST);
        assertThat(TestDex.rows(tmp.resolve("q.db"), "SELECT DISTINCT path FROM sources WHERE bytes > 0"))
                .containsExactly("classes2.dex");
        assertThat(s.classes()).isEqualTo(2);
    }

    @Test
    void entryDeclaringAHugeSizeIsNotRead() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("classes.dex", dex);
        entries.put("classes2.dex", dex);
        byte[] zip = Files.readAllBytes(TestDex.zip(tmp.resolve("huge.apk"), entries));
        // Central directory record of classes2.dex: uncompressed size (offset 24) set to 2 GB.
        int cd = lastIndexOf(zip, new byte[] {'P', 'K', 1, 2});
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(cd + 24, Integer.MAX_VALUE);
        Path apk = Files.write(tmp.resolve("huge.apk"), zip);

        RunSummary s = TestDex.index(tmp.resolve("q.db"), 1, apk);

        assertThat(problems(tmp.resolve("q.db"))).containsExactly(NO_MANIFEST, "skipped classes2.dex: entry too large ("
                + Integer.MAX_VALUE + " bytes declared; the limit is " + DexUnits.MAX_DEX_BYTES + "); not read");
        assertThat(s.classes()).isEqualTo(2);
    }

    private static byte[] replaceAll(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        byte[] out = data.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }

    private static int lastIndexOf(byte[] data, byte[] what) {
        for (int i = data.length - what.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
