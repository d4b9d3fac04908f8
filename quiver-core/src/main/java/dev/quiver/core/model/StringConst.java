package dev.quiver.core.model;

/**
 * One {@code const-string} or {@code const-string/jumbo} instruction.
 *
 * @param value the string as the DEX holds it (escapes resolved)
 * @param jumbo true for {@code const-string/jumbo}
 * @param line  1-based source line (0 for DEX input)
 */
public record StringConst(String value, boolean jumbo, int line) {
}
