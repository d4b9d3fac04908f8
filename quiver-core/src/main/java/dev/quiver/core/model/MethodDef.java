package dev.quiver.core.model;

import java.util.List;

/**
 * A method definition with what its body references, in instruction order.
 *
 * @param name       simple name ({@code <init>} for constructors)
 * @param descriptor {@code (ILjava/lang/String;)V}
 * @param flags      access flags as smali keywords, space-separated
 * @param registers  the {@code .registers} count, or -1 when the body declares {@code .locals} or has no body
 * @param locals     the {@code .locals} count, or -1
 * @param firstLine  line of {@code .method}
 * @param lastLine   line of {@code .end method} (the last line read if the file was truncated)
 */
public record MethodDef(
        String name,
        String descriptor,
        String flags,
        int registers,
        int locals,
        int firstLine,
        int lastLine,
        List<Call> calls,
        List<StringConst> strings,
        List<FieldAccess> fieldAccesses,
        List<TypeRef> typeRefs) {
    public MethodDef {
        calls = List.copyOf(calls);
        strings = List.copyOf(strings);
        fieldAccesses = List.copyOf(fieldAccesses);
        typeRefs = List.copyOf(typeRefs);
    }

    /** Canonical reference to this method as defined in {@code owner}. */
    public MethodRef ref(String owner) {
        return new MethodRef(owner, name, descriptor);
    }
}
