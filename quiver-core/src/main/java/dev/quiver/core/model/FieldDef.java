package dev.quiver.core.model;

/**
 * A field definition.
 *
 * @param name         simple name
 * @param type         type descriptor, any kind ({@code I}, {@code [B}, {@code Ljava/lang/String;})
 * @param flags        access flags as smali keywords, space-separated
 * @param initialValue the literal after {@code =} exactly as written in smali, or null
 * @param line         1-based line of the {@code .field} directive (0 for DEX input)
 */
public record FieldDef(String name, String type, String flags, String initialValue, int line) {
}
