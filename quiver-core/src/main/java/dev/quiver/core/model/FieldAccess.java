package dev.quiver.core.model;

/**
 * One {@code iget*}, {@code iput*}, {@code sget*} or {@code sput*} instruction.
 *
 * @param kind   the opcode: {@code iget-object}, {@code sput-wide}, ...
 * @param target the accessed field
 * @param line   1-based source line (0 for DEX input)
 */
public record FieldAccess(String kind, FieldRef target, int line) {
}
