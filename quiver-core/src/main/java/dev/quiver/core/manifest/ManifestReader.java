package dev.quiver.core.manifest;

import dev.quiver.core.manifest.XmlElement.Attr;
import dev.quiver.core.manifest.XmlElement.ValueType;
import dev.quiver.core.model.Manifest;
import dev.quiver.core.model.Manifest.Application;
import dev.quiver.core.model.Manifest.Component;
import dev.quiver.core.model.Manifest.IntentFilter;
import dev.quiver.core.model.Manifest.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Interprets a manifest's {@link XmlElement} tree (binary or text) as Android does, into a {@link Manifest}.
 *
 * <p>An {@code android:} attribute is identified by its resource id when binary XML gives one (Android's
 * package parser does the same; obfuscators rename the attribute strings and keep the ids), else by its
 * name in the Android namespace. Whether a component is exported follows Android's rules: the explicit
 * {@code android:exported}; else a provider is exported when the target SDK is below 17; else a component
 * with an intent filter is exported (an app targeting 31 or more must say it explicitly: Android 12+
 * refuses to install it otherwise, older versions export it); else it is not.
 */
public final class ManifestReader {
    /** Framework resource ids of the {@code android:} attributes read here (frameworks/base public.xml). */
    static final Map<Integer, String> ATTRIBUTE_IDS = Map.ofEntries(
            Map.entry(0x01010003, "name"),
            Map.entry(0x01010006, "permission"),
            Map.entry(0x01010007, "readPermission"),
            Map.entry(0x01010008, "writePermission"),
            Map.entry(0x01010009, "protectionLevel"),
            Map.entry(0x0101000e, "enabled"),
            Map.entry(0x0101000f, "debuggable"),
            Map.entry(0x01010010, "exported"),
            Map.entry(0x01010011, "process"),
            Map.entry(0x01010018, "authorities"),
            Map.entry(0x0101001c, "priority"),
            Map.entry(0x01010026, "mimeType"),
            Map.entry(0x01010027, "scheme"),
            Map.entry(0x01010028, "host"),
            Map.entry(0x01010029, "port"),
            Map.entry(0x0101002a, "path"),
            Map.entry(0x0101002b, "pathPrefix"),
            Map.entry(0x0101002c, "pathPattern"),
            Map.entry(0x01010202, "targetActivity"),
            Map.entry(0x0101020c, "minSdkVersion"),
            Map.entry(0x0101021b, "versionCode"),
            Map.entry(0x0101021c, "versionName"),
            Map.entry(0x01010270, "targetSdkVersion"),
            Map.entry(0x01010271, "maxSdkVersion"),
            Map.entry(0x01010272, "testOnly"),
            Map.entry(0x0101027f, "backupAgent"),
            Map.entry(0x01010280, "allowBackup"),
            Map.entry(0x010104ec, "usesCleartextTraffic"),
            Map.entry(0x01010527, "networkSecurityConfig"),
            Map.entry(0x0101057a, "appComponentFactory"));

    private static final Set<String> COMPONENTS = Set.of("activity", "activity-alias", "service", "receiver",
            "provider");

    /** Base protection levels and flag bits, named as in Android's attrs.xml. */
    private static final String[] BASE_LEVELS = {"normal", "dangerous", "signature", "signatureOrSystem", "internal"};
    private static final String[] LEVEL_FLAGS = {"privileged", "development", "appop", "pre23", "installer", "verifier",
        "preinstalled", "setup", "instant", "runtime", "oem", "vendorPrivileged", "textClassifier", "wellbeing",
        "documenter", "configurator", "incidentReportApprover", "appPredictor", "module", "companion", "retailDemo",
        "recents", "role", "knownSigner"};

    private final List<String> problems = new ArrayList<>();
    private final String source;

    private ManifestReader(String source) {
        this.source = source;
    }

    /** The result of a read: the manifest (null when there is no {@code <manifest>} root) and problems. */
    public record Read(Manifest manifest, List<String> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    /** Reads a compiled {@code AndroidManifest.xml} (an APK entry). */
    public static Read binary(byte[] bytes) {
        if (!BinaryXml.looksBinary(bytes) && looksText(bytes)) {
            Read r = text(bytes, null);
            List<String> p = new ArrayList<>(r.problems());
            p.add(0, "the manifest is text XML, not binary XML (Android refuses to install such an APK); read as text");
            return new Read(r.manifest(), p);
        }
        return interpret(BinaryXml.read(bytes), "binary", null);
    }

    /** Reads a decoded text {@code AndroidManifest.xml}, with apktool.yml's version and SDK values (or null). */
    public static Read text(byte[] bytes, ApktoolMeta meta) {
        return interpret(TextXml.read(bytes), "text", meta);
    }

    private static boolean looksText(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i < b.length && b[i] == '<';
    }

    private static Read interpret(XmlDocument doc, String source, ApktoolMeta meta) {
        ManifestReader r = new ManifestReader(source);
        r.problems.addAll(doc.problems());
        Manifest m = null;
        if (doc.root() != null) {
            if (!doc.root().name().equals("manifest")) {
                r.problems.add("the root element is <" + doc.root().name() + ">, not <manifest>; nothing read");
            } else {
                m = r.manifest(doc.root(), meta == null ? ApktoolMeta.NONE : meta);
            }
        }
        return new Read(m, r.problems);
    }

    private Manifest manifest(XmlElement root, ApktoolMeta meta) {
        String pkg = plain(root, "package");
        Long versionCode = longValue(root, "versionCode");
        String versionName = string(root, "versionName");
        Integer min = null;
        Integer target = null;
        for (XmlElement sdk : root.children("uses-sdk")) {
            min = first(min, integer(sdk, "minSdkVersion"));
            target = first(target, integer(sdk, "targetSdkVersion"));
        }
        versionCode = first(versionCode, meta.versionCode());
        versionName = first(versionName, meta.versionName());
        min = first(min, meta.minSdk());
        target = first(target, meta.targetSdk());
        int effectiveTarget = target != null ? target : min != null ? min : 1;

        List<Permission> permissions = new ArrayList<>();
        for (XmlElement e : root.children()) {
            switch (e.name()) {
                case "uses-permission" -> permissions.add(new Permission("uses-permission", string(e, "name"), null,
                        integer(e, "maxSdkVersion")));
                case "uses-permission-sdk-23", "uses-permission-sdk-m" -> permissions.add(new Permission(
                        "uses-permission-sdk-23", string(e, "name"), null, integer(e, "maxSdkVersion")));
                case "permission", "permission-tree" -> permissions.add(new Permission(e.name(), string(e, "name"),
                        e.name().equals("permission") ? protectionLevel(e) : null, null));
                default -> {
                    // uses-feature, queries, instrumentation, ...: not stored
                }
            }
        }
        List<XmlElement> apps = root.children("application");
        if (apps.size() > 1) {
            problems.add(apps.size() + " <application> elements; only the first is read (as Android does)");
        }
        XmlElement appEl = apps.isEmpty() ? null : apps.get(0);
        Application app = appEl == null ? Application.NONE : application(appEl, pkg);
        List<Component> components = new ArrayList<>();
        if (appEl != null) {
            for (XmlElement e : appEl.children()) {
                if (COMPONENTS.contains(e.name())) {
                    components.add(component(e, pkg, app, effectiveTarget));
                }
            }
        }
        return new Manifest(pkg, versionCode, versionName, min, target, source, app, permissions, components);
    }

    private Application application(XmlElement e, String pkg) {
        String name = string(e, "name");
        return new Application(name, descriptor(pkg, name), bool(e, "debuggable"), bool(e, "allowBackup"),
                bool(e, "usesCleartextTraffic"), string(e, "networkSecurityConfig"), bool(e, "testOnly"),
                string(e, "permission"), string(e, "process"), bool(e, "enabled"),
                descriptor(pkg, string(e, "appComponentFactory")), descriptor(pkg, string(e, "backupAgent")));
    }

    private Component component(XmlElement e, String pkg, Application app, int targetSdk) {
        String kind = e.name();
        String name = string(e, "name");
        List<IntentFilter> filters = new ArrayList<>();
        for (XmlElement f : e.children("intent-filter")) {
            List<String> actions = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            List<String> data = new ArrayList<>();
            for (XmlElement item : f.children()) {
                switch (item.name()) {
                    case "action" -> actions.add(String.valueOf(string(item, "name")));
                    case "category" -> categories.add(String.valueOf(string(item, "name")));
                    case "data" -> data.add(dataText(item));
                    default -> {
                        // nothing else in an intent filter decides what reaches the component
                    }
                }
            }
            filters.add(new IntentFilter(integer(f, "priority"), actions, categories, data));
        }
        Attr exportedAttr = attr(e, "exported");
        Boolean exported;
        String reason;
        if (exportedAttr != null) {
            exported = bool(e, "exported");
            reason = exported != null ? "explicit" : "unknown: android:exported is " + exportedAttr.value();
        } else if (kind.equals("provider")) {
            exported = targetSdk < 17;
            reason = "provider default for target SDK " + targetSdk + (targetSdk < 17 ? " (< 17)" : " (>= 17)");
        } else if (!filters.isEmpty()) {
            exported = true;
            reason = targetSdk >= 31 ? "intent-filter (target SDK " + targetSdk + " requires android:exported: "
                    + "Android 12+ refuses to install the app, older versions export it)" : "intent-filter";
        } else {
            exported = false;
            reason = "default (no intent filter)";
        }
        Boolean enabled = bool(e, "enabled");
        if (Boolean.FALSE.equals(app.enabled())) {
            enabled = false;
        } else if (enabled == null && attr(e, "enabled") == null) {
            enabled = true;
        }
        String permission = first(string(e, "permission"), app.permission());
        String target = kind.equals("activity-alias") ? descriptor(pkg, string(e, "targetActivity")) : null;
        return new Component(kind, name, descriptor(pkg, name), exported, reason, permission,
                string(e, "readPermission"), string(e, "writePermission"), first(string(e, "process"), app.process()),
                enabled, kind.equals("provider") ? string(e, "authorities") : null, target, filters);
    }

    private String dataText(XmlElement item) {
        StringBuilder sb = new StringBuilder();
        for (Attr a : item.attributes()) {
            String n = androidName(a);
            if (n != null) {
                sb.append(sb.length() == 0 ? "" : " ").append(n).append('=').append(a.value());
            }
        }
        return sb.toString();
    }

    private String protectionLevel(XmlElement e) {
        Attr a = attr(e, "protectionLevel");
        if (a == null) {
            return "normal";
        }
        if (a.type() == ValueType.INTEGER) {
            return protectionLevel(a.data());
        }
        String v = a.value().strip();
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return protectionLevel(Integer.parseUnsignedInt(v.substring(2), 16));
            }
            if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
                return protectionLevel(Integer.parseInt(v));
            }
        } catch (NumberFormatException ex) {
            // not a number: the names as written
        }
        return v;
    }

    /** Android's protection level bits as names: the base level, then each flag ({@code signature|privileged}). */
    static String protectionLevel(int value) {
        int base = value & 0xf;
        StringBuilder sb = new StringBuilder(base < BASE_LEVELS.length ? BASE_LEVELS[base] : "0x" + Integer.toHexString(base));
        int flags = value & ~0xf;
        for (int bit = 0; bit < LEVEL_FLAGS.length; bit++) {
            int mask = 0x10 << bit;
            if ((flags & mask) != 0) {
                sb.append('|').append(LEVEL_FLAGS[bit]);
                flags &= ~mask;
            }
        }
        if (flags != 0) {
            sb.append("|0x").append(Integer.toHexString(flags));
        }
        return sb.toString();
    }

    /**
     * A class name as Android resolves it against the package ({@code .Foo} and {@code Foo} are
     * {@code package.Foo}), as a descriptor; null for no name.
     */
    static String descriptor(String pkg, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        String cls;
        if (n.startsWith(".")) {
            cls = pkg == null ? n.substring(1) : pkg + n;
        } else if (n.indexOf('.') < 0 && pkg != null) {
            cls = pkg + "." + n;
        } else {
            cls = n;
        }
        return "L" + cls.replace('.', '/') + ";";
    }

    // ---- attributes ---------------------------------------------------------------------------

    /** The name an attribute has for Android: by resource id when known, else its name if in the android namespace. */
    private String androidName(Attr a) {
        if (a.resourceId() != 0) {
            String byId = ATTRIBUTE_IDS.get(a.resourceId());
            if (byId != null) {
                if (!byId.equals(a.name()) && !a.name().isEmpty() && ATTRIBUTE_IDS.containsValue(a.name())) {
                    problem("an attribute written '" + a.name() + "' carries the resource id of android:" + byId
                            + String.format(" (0x%08x)", a.resourceId()) + "; read as android:" + byId + ", as Android does");
                }
                return byId;
            }
        }
        return a.namespace().equals(XmlElement.ANDROID_NS) || (a.namespace().isEmpty() && a.resourceId() != 0)
                ? a.name() : null;
    }

    private Attr attr(XmlElement e, String name) {
        for (Attr a : e.attributes()) {
            if (name.equals(androidName(a))) {
                return a;
            }
        }
        return null;
    }

    /** An attribute without namespace ({@code package}). */
    private static String plain(XmlElement e, String name) {
        for (Attr a : e.attributes()) {
            if (a.namespace().isEmpty() && a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    private String string(XmlElement e, String name) {
        Attr a = attr(e, name);
        return a == null ? null : a.value();
    }

    /** A literal boolean; null when absent or not a literal (a reference to a resource). */
    private Boolean bool(XmlElement e, String name) {
        Attr a = attr(e, name);
        if (a == null) {
            return null;
        }
        if (a.type() == ValueType.BOOLEAN || a.type() == ValueType.INTEGER) {
            return a.data() != 0;
        }
        String v = a.value().strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> null;
        };
    }

    private Integer integer(XmlElement e, String name) {
        Long v = longValue(e, name);
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    private Long longValue(XmlElement e, String name) {
        Attr a = attr(e, name);
        if (a == null) {
            return null;
        }
        if (a.type() == ValueType.INTEGER || a.type() == ValueType.BOOLEAN) {
            return (long) a.data();
        }
        return parseLong(a.value());
    }

    static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return Long.parseLong(v.substring(2), 16);
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void problem(String message) {
        if (!problems.contains(message) && problems.size() < 50) {
            problems.add(message);
        }
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
