package dev.quiver.core.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a parsed XML document, from binary XML (AXML) or text: the small tree both manifest readers
 * produce and {@link ManifestReader} interprets. Mutable while a reader builds it; read-only afterwards.
 *
 * @param name       the element name as written (no namespace prefix)
 * @param attributes attributes in document order
 * @param children   child elements in document order
 * @param line       the element's line in the source (binary XML records one too), 0 when unknown
 */
public record XmlElement(String name, List<Attr> attributes, List<XmlElement> children, int line) {
    /** The Android attribute namespace. */
    public static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";

    /** How a binary XML attribute value is typed (text XML values are all {@link #STRING}). */
    public enum ValueType { STRING, BOOLEAN, INTEGER, REFERENCE, OTHER }

    /**
     * One attribute.
     *
     * @param namespace  namespace URI, or empty
     * @param name       local name as written in the document (attackers may write anything here)
     * @param resourceId the attribute's resource id from binary XML's resource map, or 0: Android identifies
     *                   {@code android:} attributes by this id, not by their name
     * @param value      the value as text: a string, {@code true}/{@code false}, a decimal number, or a
     *                   reference written {@code @0x7f0a0001} (binary) / {@code @xml/name} (text)
     * @param type       the binary value type ({@link ValueType#STRING} for text XML)
     * @param data       the binary value's 32-bit data (booleans, integers, references), 0 for text
     */
    public record Attr(String namespace, String name, int resourceId, String value, ValueType type, int data) {
    }

    /** A new element with empty, growable attribute and child lists. */
    public static XmlElement of(String name, int line) {
        return new XmlElement(name, new ArrayList<>(), new ArrayList<>(), line);
    }

    /** Child elements named {@code tag}, in order. */
    public List<XmlElement> children(String tag) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(tag)) {
                out.add(c);
            }
        }
        return out;
    }
}
