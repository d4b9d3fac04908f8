package dev.quiver.core.manifest;

import java.nio.charset.StandardCharsets;

/**
 * The version and SDK values apktool moves out of a decoded manifest into {@code apktool.yml}
 * ({@code versionInfo: versionCode, versionName}; {@code sdkInfo: minSdkVersion, targetSdkVersion}).
 * Read line by line, not as YAML: only these four scalar keys matter, and the file may be hostile.
 */
public record ApktoolMeta(Long versionCode, String versionName, Integer minSdk, Integer targetSdk) {
    /** No apktool.yml. */
    public static final ApktoolMeta NONE = new ApktoolMeta(null, null, null, null);

    /** The four values from the text of an apktool.yml (missing ones are null). */
    public static ApktoolMeta parse(byte[] yml) {
        Long code = null;
        String name = null;
        Integer min = null;
        Integer target = null;
        for (String line : new String(yml, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = unquote(line.substring(colon + 1).strip());
            switch (key) {
                case "versionCode" -> code = ManifestReader.parseLong(value);
                case "versionName" -> name = value.isEmpty() || value.equals("null") ? null : value;
                case "minSdkVersion" -> min = toInt(ManifestReader.parseLong(value));
                case "targetSdkVersion" -> target = toInt(ManifestReader.parseLong(value));
                default -> {
                    // other keys are apktool's own business
                }
            }
        }
        return new ApktoolMeta(code, name, min, target);
    }

    private static Integer toInt(Long v) {
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        return v;
    }
}
