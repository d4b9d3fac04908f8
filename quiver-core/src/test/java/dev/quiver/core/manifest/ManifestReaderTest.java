package dev.quiver.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Axml;
import dev.quiver.core.model.Manifest;
import dev.quiver.core.model.Manifest.Component;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    private static final String NS = "xmlns:android=\"http://schemas.android.com/apk/res/android\"";

    private static ManifestReader.Read text(String xml) {
        return ManifestReader.text(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static Component component(Manifest m, String name) {
        return m.components().stream().filter(c -> name.equals(c.name())).findFirst().orElseThrow();
    }

    @Test
    void theBinarySampleReadsAsAnAnalystExpects() {
        ManifestReader.Read r = ManifestReader.binary(Axml.write(Axml.sampleManifest(), false));

        assertThat(r.problems()).isEmpty();
        Manifest m = r.manifest();
        assertThat(m.packageName()).isEqualTo("com.example.app");
        assertThat(m.versionCode()).isEqualTo(7L);
        assertThat(m.versionName()).isEqualTo("1.2");
        assertThat(m.minSdk()).isEqualTo(21);
        assertThat(m.targetSdk()).isEqualTo(30);
        assertThat(m.application().className()).isEqualTo("Lcom/example/app/App;");
        assertThat(m.application().debuggable()).isTrue();
        assertThat(m.application().allowBackup()).isFalse();
        assertThat(m.application().usesCleartextTraffic()).isNull();
        assertThat(m.application().networkSecurityConfig()).isEqualTo("@0x7f0f0001");
        assertThat(m.permissions()).containsExactly(
                new Manifest.Permission("uses-permission", "android.permission.SEND_SMS", null, null),
                new Manifest.Permission("permission", "com.example.app.PRIVATE", "signature|privileged", null));
        assertThat(m.components()).extracting(Component::kind, Component::className, Component::exported,
                Component::exportedReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("activity", "Lcom/example/app/Main;", true, "intent-filter"),
                org.assertj.core.groups.Tuple.tuple("receiver", "Lcom/example/app/SmsIn;", true, "explicit"),
                org.assertj.core.groups.Tuple.tuple("service", "Lcom/example/app/Sync;", false,
                        "default (no intent filter)"),
                org.assertj.core.groups.Tuple.tuple("provider", "Lcom/example/app/Data;", false,
                        "provider default for target SDK 30 (>= 17)"),
                org.assertj.core.groups.Tuple.tuple("activity", "Lcom/example/app/Deep;", true, "intent-filter"));
        assertThat(component(m, ".Deep").filters().get(0).data()).containsExactly("scheme=https host=example.com");
        assertThat(component(m, "com.example.app.SmsIn").permission()).isEqualTo("android.permission.BROADCAST_SMS");
        assertThat(component(m, ".Data").authorities()).isEqualTo("com.example.app.data");
    }

    @Test
    void exportedFollowsTheTargetSdk() {
        String body = "<application android:permission=\"com.p.APP\">"
                + "<activity android:name=\".A\"><intent-filter><action android:name=\"x\"/></intent-filter></activity>"
                + "<provider android:name=\".P\" android:authorities=\"a\"/>"
                + "<receiver android:name=\".R\" android:exported=\"@bool/flag\"/>"
                + "<service android:name=\".S\" android:exported=\"false\" android:enabled=\"false\">"
                + "<intent-filter><action android:name=\"y\"/></intent-filter></service></application>";
        Manifest old = text("<manifest " + NS + " package=\"com.p\"><uses-sdk android:minSdkVersion=\"9\"/>" + body
                + "</manifest>").manifest();
        Manifest now = text("<manifest " + NS + " package=\"com.p\"><uses-sdk android:targetSdkVersion=\"33\"/>" + body
                + "</manifest>").manifest();

        assertThat(old.effectiveTargetSdk()).isEqualTo(9);
        assertThat(component(old, ".P").exported()).isTrue();
        assertThat(component(old, ".P").exportedReason()).isEqualTo("provider default for target SDK 9 (< 17)");
        assertThat(component(now, ".P").exported()).isFalse();
        assertThat(component(old, ".A").exportedReason()).isEqualTo("intent-filter");
        assertThat(component(now, ".A").exported()).isTrue();
        assertThat(component(now, ".A").exportedReason()).startsWith("intent-filter (target SDK 33 requires "
                + "android:exported");
        assertThat(component(now, ".R").exported()).isNull();
        assertThat(component(now, ".R").exportedReason()).isEqualTo("unknown: android:exported is @bool/flag");
        assertThat(component(now, ".S").exported()).isFalse();
        assertThat(component(now, ".S").enabled()).isFalse();
        assertThat(component(now, ".A").enabled()).isTrue();
        assertThat(component(now, ".A").permission()).isEqualTo("com.p.APP");
    }

    @Test
    void classNamesResolveAgainstThePackageAsAndroidDoes() {
        assertThat(ManifestReader.descriptor("com.a", ".B")).isEqualTo("Lcom/a/B;");
        assertThat(ManifestReader.descriptor("com.a", "B")).isEqualTo("Lcom/a/B;");
        assertThat(ManifestReader.descriptor("com.a", "org.x.B")).isEqualTo("Lorg/x/B;");
        assertThat(ManifestReader.descriptor("com.a", "B$Inner")).isEqualTo("Lcom/a/B$Inner;");
        assertThat(ManifestReader.descriptor("com.a", null)).isNull();
    }

    @Test
    void protectionLevelsAreNamedWithTheirFlags() {
        assertThat(ManifestReader.protectionLevel(0)).isEqualTo("normal");
        assertThat(ManifestReader.protectionLevel(1)).isEqualTo("dangerous");
        assertThat(ManifestReader.protectionLevel(0x12)).isEqualTo("signature|privileged");
        assertThat(ManifestReader.protectionLevel(0x3)).isEqualTo("signatureOrSystem");
        assertThat(ManifestReader.protectionLevel(0x40000002)).isEqualTo("signature|0x40000000");
    }

    @Test
    void anActivityAliasPointsAtItsTarget() {
        Manifest m = text("<manifest " + NS + " package=\"com.p\"><application>"
                + "<activity-alias android:name=\".Alias\" android:targetActivity=\".Real\" android:exported=\"true\"/>"
                + "</application></manifest>").manifest();
        assertThat(m.components().get(0).targetActivity()).isEqualTo("Lcom/p/Real;");
        assertThat(m.components().get(0).className()).isEqualTo("Lcom/p/Alias;");
    }

    @Test
    void apktoolYmlFillsWhatTheDecodedManifestLeftOut() {
        ApktoolMeta meta = ApktoolMeta.parse(("sdkInfo:\n  minSdkVersion: '17'\n  targetSdkVersion: '33'\n"
                + "versionInfo:\n  versionCode: '25'\n  versionName: 5.0.0\n").getBytes(StandardCharsets.UTF_8));
        Manifest m = ManifestReader.text(("<manifest " + NS + " package=\"p\"/>").getBytes(StandardCharsets.UTF_8), meta)
                .manifest();
        assertThat(List.of(m.minSdk(), m.targetSdk())).containsExactly(17, 33);
        assertThat(m.versionCode()).isEqualTo(25L);
        assertThat(m.versionName()).isEqualTo("5.0.0");
    }

    @Test
    void externalEntitiesAreNeverExpanded() {
        ManifestReader.Read r = text("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<manifest package=\"&x;\"/>");
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.manifest() == null ? "" : String.valueOf(r.manifest().packageName())).doesNotContain("root:");
    }

    @Test
    void malformedXmlKeepsWhatCameBeforeTheError() {
        ManifestReader.Read r = text("<manifest " + NS + " package=\"p\">\n<uses-permission android:name=\"A\"/>\n<oops");
        assertThat(r.manifest().permissions()).hasSize(1);
        assertThat(r.problems()).singleElement().asString().startsWith("malformed XML at line 3: ");
    }

    @Test
    void aRootThatIsNotManifestReadsNothing() {
        ManifestReader.Read r = text("<resources/>");
        assertThat(r.manifest()).isNull();
        assertThat(r.problems()).containsExactly("the root element is <resources>, not <manifest>; nothing read");
    }
}
