package dev.quiver.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.Axml;
import dev.quiver.core.model.Manifest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BinaryXmlTest {
    @ParameterizedTest(name = "utf8={0}")
    @ValueSource(booleans = {false, true})
    void readsElementsAttributesAndTypedValues(boolean utf8) {
        XmlDocument d = BinaryXml.read(Axml.write(Axml.sampleManifest(), utf8));

        assertThat(d.problems()).isEmpty();
        XmlElement root = d.root();
        assertThat(root.name()).isEqualTo("manifest");
        assertThat(root.attributes()).extracting(XmlElement.Attr::name).containsExactly("package", "versionCode",
                "versionName");
        XmlElement.Attr code = root.attributes().get(1);
        assertThat(code.resourceId()).isEqualTo(0x0101021b);
        assertThat(code.type()).isEqualTo(XmlElement.ValueType.INTEGER);
        assertThat(code.value()).isEqualTo("7");
        assertThat(code.namespace()).isEqualTo(XmlElement.ANDROID_NS);
        XmlElement app = root.children("application").get(0);
        assertThat(app.attributes()).extracting(XmlElement.Attr::value)
                .containsExactly(".App", "true", "false", "@0x7f0f0001");
        assertThat(app.children()).extracting(XmlElement::name)
                .containsExactly("activity", "receiver", "service", "provider", "activity");
    }

    @ParameterizedTest(name = "utf8={0}")
    @ValueSource(booleans = {false, true})
    void nonAsciiStringsSurviveBothEncodings(boolean utf8) {
        Axml.Element e = Axml.el("manifest").plain("package", "com.ünï.\u202eapp");
        assertThat(BinaryXml.read(Axml.write(e, utf8)).root().attributes().get(0).value())
                .isEqualTo("com.ünï.\u202eapp");
    }

    @Test
    void aTruncatedFileKeepsWhatCameBeforeTheCut() {
        byte[] full = Axml.write(Axml.sampleManifest(), false);
        byte[] cut = Arrays.copyOf(full, full.length * 2 / 3);

        XmlDocument d = BinaryXml.read(cut);

        assertThat(d.problems()).first().asString().startsWith("truncated binary XML: the header declares "
                + full.length + " bytes, there are " + cut.length);
        assertThat(d.root().name()).isEqualTo("manifest");
        assertThat(d.root().children()).isNotEmpty();
    }

    @Test
    void aChunkWithAnImpossibleSizeStopsReadingWithAProblem() {
        byte[] b = Axml.write(Axml.sampleManifest(), false);
        int pool = 8;
        int poolSize = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(pool + 4);
        int map = pool + poolSize;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(map + 4, 3); // resource map: size 3 < header

        XmlDocument d = BinaryXml.read(b);

        assertThat(d.root()).isNull();
        assertThat(d.problems()).containsExactly("corrupt chunk at offset " + map + " (type 0x0180, header 8, size 3);"
                + " reading stopped");
    }

    @Test
    void stringCountsBeyondThePoolAreClampedNotFollowed() {
        byte[] b = Axml.write(Axml.sampleManifest(), true);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8 + 8, 0x7fffffff); // stringCount

        XmlDocument d = BinaryXml.read(b);

        assertThat(d.problems()).first().asString().startsWith("string pool declares 2147483647 strings but has room "
                + "for ");
    }

    @Test
    void notBinaryXmlIsAProblemNotAnException() {
        assertThat(BinaryXml.read(new byte[] {1, 2, 3}).problems())
                .containsExactly("truncated binary XML: 3 bytes, less than a chunk header");
        assertThat(BinaryXml.read(new byte[] {1, 0, 8, 0, 8, 0, 0, 0}).problems())
                .containsExactly("not binary XML (first chunk type 0x0001, expected 0x0003)");
    }

    @Test
    void unknownChunksAreSkippedAsAndroidDoes() {
        byte[] b = Axml.write(Axml.sampleManifest(), false);
        // Insert a 16-byte chunk of an unknown type (0x7777) right after the file header.
        byte[] junk = new byte[16];
        ByteBuffer.wrap(junk).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x7777).putShort((short) 8).putInt(16);
        byte[] out = new byte[b.length + 16];
        System.arraycopy(b, 0, out, 0, 8);
        System.arraycopy(junk, 0, out, 8, 16);
        System.arraycopy(b, 8, out, 24, b.length - 8);
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, out.length);

        XmlDocument d = BinaryXml.read(out);

        assertThat(d.problems()).isEmpty();
        assertThat(d.root().children()).hasSize(4);
    }

    @Test
    void anAttributeIsKnownByItsResourceIdNotItsObfuscatedName() {
        Axml.Element root = Axml.el("manifest").plain("package", "com.x")
                .child(Axml.el("application").child(Axml.el("receiver").android("name", 0x01010003, ".R")
                        // named "label" but carrying android:exported's id: Android reads it as exported
                        .androidBool("label", 0x01010010, true)));

        ManifestReader.Read r = ManifestReader.binary(Axml.write(root, false));

        Manifest.Component c = r.manifest().components().get(0);
        assertThat(c.exported()).isTrue();
        assertThat(c.exportedReason()).isEqualTo("explicit");
    }

    @Test
    void anAttributeWearingAnotherKnownNameIsReported() {
        Axml.Element root = Axml.el("manifest").plain("package", "com.x")
                .child(Axml.el("application").child(Axml.el("service").android("name", 0x01010003, ".S")
                        .androidBool("enabled", 0x01010010, true)));

        ManifestReader.Read r = ManifestReader.binary(Axml.write(root, true));

        assertThat(r.manifest().components().get(0).exported()).isTrue();
        assertThat(r.manifest().components().get(0).enabled()).isTrue();
        assertThat(r.problems()).containsExactly("an attribute written 'enabled' carries the resource id of "
                + "android:exported (0x01010010); read as android:exported, as Android does");
    }

    @Test
    void aTextManifestInAnApkIsReadAndReported() {
        byte[] text = "<manifest package=\"com.t\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ManifestReader.Read r = ManifestReader.binary(text);
        assertThat(r.manifest().packageName()).isEqualTo("com.t");
        assertThat(r.problems()).containsExactly("the manifest is text XML, not binary XML (Android refuses to "
                + "install such an APK); read as text");
    }
}
