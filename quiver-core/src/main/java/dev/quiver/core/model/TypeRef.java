package dev.quiver.core.model;

/**
 * One instruction that names a type: {@code new-instance}, {@code const-class}, {@code check-cast},
 * {@code instance-of}, {@code new-array}, {@code filled-new-array}, {@code filled-new-array/range}.
 *
 * @param kind the opcode
 * @param type the type descriptor
 * @param line 1-based source line (0 for DEX input)
 */
public record TypeRef(String kind, String type, int line) {
}
