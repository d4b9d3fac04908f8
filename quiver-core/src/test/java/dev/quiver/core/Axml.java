package dev.quiver.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Android binary XML (AXML) the way aapt does, for tests: a string pool (UTF-16 or UTF-8) whose first
 * strings are the attribute names with resource ids (the resource map), a namespace, and elements with
 * typed attribute values. Hostile variants are made by editing the bytes it returns.
 */
public final class Axml {
    /** The android namespace. */
    public static final String ANDROID = "http://schemas.android.com/apk/res/android";

    /** One attribute: namespace (null for none), name, resource id (0 for none), type and value. */
    public record Attr(String ns, String name, int id, int type, String string, int data) {
    }

    /** One element. */
    public static final class Element {
        final String name;
        final List<Attr> attrs = new ArrayList<>();
        final List<Element> children = new ArrayList<>();

        Element(String name) {
            this.name = name;
        }

        /** An android: attribute with a string value, with its framework resource id. */
        public Element android(String attr, int id, String value) {
            attrs.add(new Attr(ANDROID, attr, id, 0x03, value, 0));
            return this;
        }

        /** An android: attribute with a boolean value. */
        public Element androidBool(String attr, int id, boolean value) {
            attrs.add(new Attr(ANDROID, attr, id, 0x12, null, value ? -1 : 0));
            return this;
        }

        /** An android: attribute with a decimal integer value. */
        public Element androidInt(String attr, int id, int value) {
            attrs.add(new Attr(ANDROID, attr, id, 0x10, null, value));
            return this;
        }

        /** An android: attribute referencing a resource. */
        public Element androidRef(String attr, int id, int ref) {
            attrs.add(new Attr(ANDROID, attr, id, 0x01, null, ref));
            return this;
        }

        /** An attribute without namespace ({@code package}). */
        public Element plain(String attr, String value) {
            attrs.add(new Attr(null, attr, 0, 0x03, value, 0));
            return this;
        }

        public Element child(Element c) {
            children.add(c);
            return this;
        }
    }

    private Axml() {
    }

    public static Element el(String name) {
        return new Element(name);
    }

    /** The binary XML of {@code root}. */
    public static byte[] write(Element root, boolean utf8) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        collectIds(root, ids);
        List<String> pool = new ArrayList<>(ids.keySet());
        List<Integer> resMap = new ArrayList<>(ids.values());
        collectStrings(root, pool);
        add(pool, "android");
        add(pool, ANDROID);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, stringPool(pool, utf8));
        ByteBuffer rm = le(8 + 4 * resMap.size());
        rm.putShort((short) 0x0180).putShort((short) 8).putInt(8 + 4 * resMap.size());
        resMap.forEach(rm::putInt);
        write(body, rm.array());
        ByteBuffer ns = le(24);
        ns.putShort((short) 0x0100).putShort((short) 16).putInt(24).putInt(1).putInt(-1)
                .putInt(pool.indexOf("android")).putInt(pool.indexOf(ANDROID));
        write(body, ns.array());
        element(body, root, pool);
        ByteBuffer nsEnd = le(24);
        nsEnd.putShort((short) 0x0101).putShort((short) 16).putInt(24).putInt(1).putInt(-1)
                .putInt(pool.indexOf("android")).putInt(pool.indexOf(ANDROID));
        write(body, nsEnd.array());
        ByteBuffer file = le(8 + body.size());
        file.putShort((short) 0x0003).putShort((short) 8).putInt(8 + body.size()).put(body.toByteArray());
        return file.array();
    }

    private static void element(ByteArrayOutputStream out, Element e, List<String> pool) {
        int size = 16 + 20 + 20 * e.attrs.size();
        ByteBuffer b = le(size);
        b.putShort((short) 0x0102).putShort((short) 16).putInt(size).putInt(1).putInt(-1);
        b.putInt(-1).putInt(pool.indexOf(e.name)).putShort((short) 20).putShort((short) 20)
                .putShort((short) e.attrs.size()).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (Attr a : e.attrs) {
            int raw = a.type() == 0x03 ? pool.indexOf(a.string()) : -1;
            b.putInt(a.ns() == null ? -1 : pool.indexOf(a.ns())).putInt(pool.indexOf(a.name())).putInt(raw)
                    .putShort((short) 8).put((byte) 0).put((byte) a.type()).putInt(a.type() == 0x03 ? raw : a.data());
        }
        write(out, b.array());
        for (Element c : e.children) {
            element(out, c, pool);
        }
        ByteBuffer end = le(24);
        end.putShort((short) 0x0103).putShort((short) 16).putInt(24).putInt(1).putInt(-1).putInt(-1)
                .putInt(pool.indexOf(e.name));
        write(out, end.array());
    }

    private static byte[] stringPool(List<String> strings, boolean utf8) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = data.size();
            String s = strings.get(i);
            if (utf8) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                length8(data, s.length());
                length8(data, bytes.length);
                data.writeBytes(bytes);
                data.write(0);
            } else {
                int n = s.length();
                if (n > 0x7fff) {
                    data.write(((n >> 16) | 0x8000) & 0xff);
                    data.write(((n >> 16) | 0x8000) >> 8 & 0xff);
                }
                data.write(n & 0xff);
                data.write(n >> 8 & 0xff);
                data.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
                data.write(0);
                data.write(0);
            }
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int header = 28;
        int size = header + 4 * strings.size() + data.size();
        ByteBuffer b = le(size);
        b.putShort((short) 0x0001).putShort((short) header).putInt(size).putInt(strings.size()).putInt(0)
                .putInt(utf8 ? 0x100 : 0).putInt(header + 4 * strings.size()).putInt(0);
        for (int o : offsets) {
            b.putInt(o);
        }
        b.put(data.toByteArray());
        return b.array();
    }

    private static void length8(ByteArrayOutputStream out, int n) {
        if (n > 0x7f) {
            out.write(0x80 | (n >> 8));
        }
        out.write(n & 0xff);
    }

    private static void collectIds(Element e, Map<String, Integer> ids) {
        for (Attr a : e.attrs) {
            if (a.id() != 0) {
                ids.putIfAbsent(a.name(), a.id());
            }
        }
        e.children.forEach(c -> collectIds(c, ids));
    }

    private static void collectStrings(Element e, List<String> pool) {
        add(pool, e.name);
        for (Attr a : e.attrs) {
            add(pool, a.name());
            if (a.ns() != null) {
                add(pool, a.ns());
            }
            if (a.string() != null) {
                add(pool, a.string());
            }
        }
        e.children.forEach(c -> collectStrings(c, pool));
    }

    private static void add(List<String> pool, String s) {
        if (!pool.contains(s)) {
            pool.add(s);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(ByteArrayOutputStream out, byte[] b) {
        out.writeBytes(b);
    }

    /** A typical small manifest: package, versions, SDKs, permissions, an application with components. */
    public static Element sampleManifest() {
        return el("manifest").plain("package", "com.example.app")
                .androidInt("versionCode", 0x0101021b, 7).android("versionName", 0x0101021c, "1.2")
                .child(el("uses-sdk").androidInt("minSdkVersion", 0x0101020c, 21)
                        .androidInt("targetSdkVersion", 0x01010270, 30))
                .child(el("uses-permission").android("name", 0x01010003, "android.permission.SEND_SMS"))
                .child(el("permission").android("name", 0x01010003, "com.example.app.PRIVATE")
                        .androidInt("protectionLevel", 0x01010009, 0x12))
                .child(el("application").android("name", 0x01010003, ".App")
                        .androidBool("debuggable", 0x0101000f, true).androidBool("allowBackup", 0x01010280, false)
                        .androidRef("networkSecurityConfig", 0x01010527, 0x7f0f0001)
                        .child(el("activity").android("name", 0x01010003, ".Main")
                                .child(el("intent-filter")
                                        .child(el("action").android("name", 0x01010003, "android.intent.action.MAIN"))
                                        .child(el("category").android("name", 0x01010003,
                                                "android.intent.category.LAUNCHER"))))
                        .child(el("receiver").android("name", 0x01010003, "com.example.app.SmsIn")
                                .androidBool("exported", 0x01010010, true)
                                .android("permission", 0x01010006, "android.permission.BROADCAST_SMS"))
                        .child(el("service").android("name", 0x01010003, "Sync"))
                        .child(el("provider").android("name", 0x01010003, ".Data")
                                .android("authorities", 0x01010018, "com.example.app.data"))
                        .child(el("activity").android("name", 0x01010003, ".Deep")
                                .child(el("intent-filter")
                                        .child(el("action").android("name", 0x01010003, "android.intent.action.VIEW"))
                                        .child(el("data").android("scheme", 0x01010027, "https")
                                                .android("host", 0x01010028, "example.com")))));
    }
}
