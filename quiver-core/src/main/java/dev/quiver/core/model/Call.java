package dev.quiver.core.model;

/**
 * One {@code invoke-*} instruction.
 *
 * @param kind      the opcode without {@code invoke-}: {@code virtual}, {@code static/range}, {@code polymorphic},
 *                  {@code custom}, ...
 * @param target    the invoked method; for {@code invoke-custom} the call site's bootstrap method
 * @param registers the register list as written, without braces: {@code v0, p1} or {@code v0 .. v5}
 * @param extra     {@code invoke-polymorphic}: the call's prototype; {@code invoke-custom}: the call site text;
 *                  otherwise null
 * @param line      1-based source line (0 for DEX input)
 */
public record Call(String kind, MethodRef target, String registers, String extra, int line) {
}
