package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Axml;
import dev.quiver.core.Indexer;
import dev.quiver.core.pipeline.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** APKs parsed again with --append: a new build under the same path replaces the old, a copy is recognised. */
class ApkIdentityTest {
    private static final String CLASS = """
            .class public Lapp/Main;
            .super Ljava/lang/Object;

            .method public static m()V
                .registers 1
                const-string v0, "%s"
                return-void
            .end method
            """;

    @TempDir
    Path tmp;

    private byte[] apk(String version) throws Exception {
        byte[] dex = Files.readAllBytes(TestDex.assembleText(tmp.resolve(version), List.of(CLASS.formatted(version)),
                "classes.dex"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", Axml.write(Axml.sampleManifest(), false));
        entries.put("classes.dex", dex);
        return ZipBytes.zip(entries);
    }

    private void append(Path db, Path apk) throws Exception {
        Indexer.index(new Indexer.Request(List.of(apk), db, Indexer.Format.SQLITE, true, 2, ".smali"),
                ProgressListener.NONE);
    }

    @Test
    void aNewBuildUnderTheSamePathReplacesTheOldOne() throws Exception {
        Path apk = Files.write(tmp.resolve("app.apk"), apk("v1"));
        Path db = tmp.resolve("q.db");
        append(db, apk);
        Files.write(apk, apk("v2"));

        append(db, apk);

        assertThat(TestDex.rows(db, "SELECT value FROM strings")).containsExactly("v2");
        assertThat(TestDex.rows(db, "SELECT count(*) FROM inputs")).containsExactly("1");
        assertThat(TestDex.rows(db, "SELECT count(*) FROM components")).containsExactly("5");
        assertThat(TestDex.rows(db, "SELECT count(*) FROM intent_filter_items")).containsExactly("4");
    }

    @Test
    void aCopyUnderAnotherNameIsTheSameAppAndTwoBuildsStandSideBySide() throws Exception {
        Path v1 = Files.write(tmp.resolve("app-v1.apk"), apk("v1"));
        Path v2 = Files.write(tmp.resolve("app-v2.apk"), apk("v2"));
        Path db = tmp.resolve("q.db");
        append(db, v1);
        append(db, v2);
        assertThat(TestDex.rows(db, "SELECT path FROM inputs ORDER BY id")).containsExactly(v1.toString(), v2.toString());

        Path renamed = Files.copy(v1, tmp.resolve("5e59f4.bin"), StandardCopyOption.REPLACE_EXISTING);
        append(db, renamed);

        assertThat(TestDex.rows(db, "SELECT path FROM inputs ORDER BY id")).containsExactly(v2.toString(),
                renamed.toString());
        assertThat(TestDex.rows(db, "SELECT value FROM strings ORDER BY value")).containsExactly("v1", "v2");
        assertThat(TestDex.rows(db, "SELECT count(*) FROM components")).containsExactly("10");
    }
}
