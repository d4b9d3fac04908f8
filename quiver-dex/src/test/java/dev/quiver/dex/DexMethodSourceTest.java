package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.TestApps;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.NamePattern;
import dev.quiver.core.source.MethodCode;
import dev.quiver.core.source.MethodSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Method code of APK and DEX inputs, rendered by baksmali through the MethodSource service. */
class DexMethodSourceTest {
    @TempDir
    Path tmp;

    private MethodCode code(Path db, String signature) throws Exception {
        try (Index index = Index.open(db)) {
            long id = (Long) index.list(ListQuery.of(Listing.METHODS).where("method", NamePattern.exact(signature)), null)
                    .value(0, "id");
            return MethodSources.load().code(MethodSources.locate(index, id, null));
        }
    }

    @Test
    void anApkMethodIsRenderedFromItsDex() throws Exception {
        Path tree = TestApps.tree(TestApps.ANALYSIS, tmp.resolve("src"));
        Path dex = TestDex.assemble(TestDex.smaliFiles(tree), tmp.resolve("classes.dex"));
        Path apk = TestDex.zip(tmp.resolve("app.apk"), Map.of("classes.dex", Files.readAllBytes(dex)));
        Path db = tmp.resolve("apk.db");
        TestDex.index(db, 1, apk);
        MethodCode c = code(db, "Lcom/q/Chain;->l1()V");
        assertThat(c.origin()).isEqualTo(MethodCode.BAKSMALI);
        assertThat(c.lines()).first().isEqualTo(".method public static l1()V");
        assertThat(c.lines()).contains("    invoke-static {}, Lcom/q/Chain;->l2()V", ".end method");
        MethodCode abstractMethod = code(db, "Lcom/q/Task;->run()V");
        assertThat(abstractMethod.lines()).containsExactly(".method public abstract run()V", ".end method");
        Files.delete(apk);
        assertThat(code(db, "Lcom/q/Chain;->l1()V").note()).contains("not there any more");
    }

    @Test
    void aDexFileMethodIsRendered() throws Exception {
        Path tree = TestApps.tree(TestApps.ANALYSIS, tmp.resolve("src"));
        Path dex = TestDex.assemble(TestDex.smaliFiles(tree), tmp.resolve("app.dex"));
        Path db = tmp.resolve("dex.db");
        TestDex.index(db, 1, dex);
        MethodCode c = code(db, "Lcom/q/Crypto;->encrypt([B)[B");
        assertThat(String.join("\n", c.lines())).contains("const-string v0, \"DES\"")
                .contains("Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;");
        assertThat(List.of(c.note() == null)).containsExactly(true);
    }
}
