package dev.quiver.core.query;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One input of an index (an app, a DEX file or a smali tree), with its identity and its size.
 * Identity fields are null when the input did not provide them (a smali tree has no SHA-256 of
 * an APK; a tree without a manifest has no package).
 */
public record App(long id, String path, String kind, Long bytes, String sha256, String packageName,
                  Long versionCode, String versionName, Long minSdk, Long targetSdk,
                  long sources, long classes, long problems) {

    /** A short name for messages: the package when known, else the file name. */
    public String label() {
        if (packageName != null) {
            return packageName;
        }
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }

    /** Whether {@code selector} names this app: id, path, file name, package, or SHA-256 prefix (6+ hex digits). */
    public boolean matches(String selector) {
        if (selector.equals(Long.toString(id)) || selector.equals(path) || selector.equals(packageName)) {
            return true;
        }
        Path file = Path.of(path).getFileName();
        if (file != null && selector.equals(file.toString())) {
            return true;
        }
        try {
            if (Path.of(selector).toAbsolutePath().normalize().toString().equals(path)) {
                return true;
            }
        } catch (RuntimeException e) {
            // not a path on this platform: it can still be a package or a digest
        }
        String s = selector.toLowerCase(Locale.ROOT);
        return sha256 != null && s.length() >= 6 && s.matches("[0-9a-f]+") && sha256.startsWith(s);
    }
}
