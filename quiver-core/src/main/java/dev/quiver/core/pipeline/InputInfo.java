package dev.quiver.core.pipeline;

import dev.quiver.core.model.Manifest;

/**
 * What identifies one input once it has been read: its size, its SHA-256 and its manifest. Handed to the
 * sink just before {@link IndexSink#endInput()}.
 *
 * @param bytes    the file's size; for a smali tree, the bytes of the smali files read
 * @param sha256   lower-case hex SHA-256 of the file (APK, DEX, single .smali); null for a directory
 * @param manifest the app's manifest (APK, or apktool tree with AndroidManifest.xml), or null
 */
public record InputInfo(Long bytes, String sha256, Manifest manifest) {
    /** Nothing known. */
    public static final InputInfo NONE = new InputInfo(null, null, null);
}
