package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.TestTrees;
import dev.quiver.core.manifest.ApktoolMeta;
import dev.quiver.core.manifest.ManifestReader;
import dev.quiver.core.model.Manifest;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.Manifests;
import dev.quiver.core.xref.CallPath;
import dev.quiver.core.xref.EntryPoints;
import dev.quiver.core.xref.PathQuery;
import dev.quiver.core.xref.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus apps: their binary manifests read as apktool decoded them (apktool trees from the corpus
 * script's APKTOOL=1 step), and a real entry-point path in ApiDemos.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CorpusAppsTest {
    @TempDir
    Path tmp;

    private static Path apktoolTree(String name) {
        Path tree = Corpus.dir().resolve("apktool").resolve(name);
        assumeTrue(Files.isDirectory(tree), () -> "no apktool tree at " + tree + " (run the corpus script with APKTOOL=1)");
        return tree;
    }

    /** The corpus's two apps, and every other APK dropped into {@code corpus/apk} with an apktool tree. */
    static List<String> appsWithApktoolTrees() throws IOException {
        Path corpus = TestTrees.corpus();
        Set<String> names = new TreeSet<>(List.of("ApiDemos-debug", "settings_apk-debug"));
        if (Files.isDirectory(corpus.resolve("apk"))) {
            try (Stream<Path> apks = Files.list(corpus.resolve("apk"))) {
                apks.map(a -> a.getFileName().toString())
                        .filter(a -> a.endsWith(".apk"))
                        .map(a -> a.substring(0, a.length() - ".apk".length()))
                        .filter(n -> Files.isDirectory(corpus.resolve("apktool").resolve(n)))
                        .forEach(names::add);
            }
        }
        return List.copyOf(names);
    }

    @ParameterizedTest
    @MethodSource("appsWithApktoolTrees")
    void theBinaryManifestReadsAsApktoolDecodedIt(String name) throws Exception {
        Path tree = apktoolTree(name);
        byte[] binary;
        try (ZipFile zip = new ZipFile(Corpus.dir().resolve("apk").resolve(name + ".apk").toFile())) {
            binary = zip.getInputStream(zip.getEntry("AndroidManifest.xml")).readAllBytes();
        }
        ManifestReader.Read fromApk = ManifestReader.binary(binary);
        ManifestReader.Read fromText = ManifestReader.text(Files.readAllBytes(tree.resolve("AndroidManifest.xml")),
                ApktoolMeta.parse(Files.readAllBytes(tree.resolve("apktool.yml"))));

        assertThat(fromApk.problems()).isEmpty();
        assertThat(fromText.problems()).isEmpty();
        Manifest a = fromApk.manifest();
        Manifest t = fromText.manifest();
        assertThat(a.source()).isEqualTo("binary");
        assertThat(t.source()).isEqualTo("text");
        assertThat(a.packageName()).isEqualTo(t.packageName()).isNotNull();
        assertThat(a.versionCode()).isEqualTo(t.versionCode());
        assertThat(a.versionName()).isEqualTo(t.versionName());
        assertThat(a.minSdk()).isEqualTo(t.minSdk());
        assertThat(a.targetSdk()).isEqualTo(t.targetSdk());
        assertThat(a.application()).isEqualTo(t.application());
        assertThat(a.permissions()).containsExactlyElementsOf(t.permissions());
        assertThat(a.components()).hasSameSizeAs(t.components());
        if (name.equals("ApiDemos-debug") || name.equals("settings_apk-debug")) {
            // The corpus's own apps declare all of these: an empty answer would be a reader failing quietly.
            assertThat(List.of(a.versionCode(), a.versionName(), a.minSdk(), a.targetSdk())).doesNotContainNull();
            assertThat(a.permissions()).isNotEmpty();
            assertThat(a.components()).isNotEmpty();
        }
        for (int i = 0; i < a.components().size(); i++) {
            assertThat(a.components().get(i)).isEqualTo(t.components().get(i));
        }
    }

    @Test
    void theApkAndItsApktoolTreeGiveTheSameManifestRows() throws Exception {
        Path tree = apktoolTree("ApiDemos-debug");
        Path apk = Corpus.dir().resolve("apk/ApiDemos-debug.apk");
        Path db = tmp.resolve("both.db");
        TestDex.index(db, 2, apk, tree);

        try (Index index = Index.open(db)) {
            List<Manifests.AppManifest> all = Manifests.of(index, null, null);
            assertThat(all).hasSize(2);
            Manifest a = all.get(0).manifest();
            Manifest t = all.get(1).manifest();
            assertThat(new Manifest(a.packageName(), a.versionCode(), a.versionName(), a.minSdk(), a.targetSdk(), "-",
                    a.application(), a.permissions(), a.components()))
                    .isEqualTo(new Manifest(t.packageName(), t.versionCode(), t.versionName(), t.minSdk(),
                            t.targetSdk(), "-", t.application(), t.permissions(), t.components()));
            assertThat(index.apps().get(0).sha256()).isEqualTo(sha256(apk));
            assertThat(index.appIds("io.appium.android.apis")).containsExactly(1L, 2L);
        }
    }

    @Test
    void anExportedActivityOfApiDemosReachesSendTextMessageThroughItsClickListener() throws Exception {
        Path db = tmp.resolve("api.db");
        TestDex.index(db, 2, Corpus.dir().resolve("apk/ApiDemos-debug.apk"));

        try (Index index = Index.open(db)) {
            List<Long> ids = EntryPoints.find(index, null, true, null).stream().map(EntryPoints.EntryPoint::id).toList();
            PathQuery q = PathQuery.between(null, "Landroid/telephony/SmsManager;->sendTextMessage").withSources(ids);
            assertThat(Paths.find(index, q, null)).isEmpty();
            List<CallPath> found = Paths.find(index, q.withCallbacks(true), null);
            assertThat(found).isNotEmpty();
            assertThat(found.get(0).steps()).extracting(CallPath.Step::method).containsExactly(
                    "Lio/appium/android/apis/os/SmsMessagingDemo;->onCreate(Landroid/os/Bundle;)V",
                    "Lio/appium/android/apis/os/SmsMessagingDemo$2;->onClick(Landroid/view/View;)V",
                    "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;"
                            + "Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V");
            assertThat(found.get(0).steps().get(0).kind()).isEqualTo("callback");
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
