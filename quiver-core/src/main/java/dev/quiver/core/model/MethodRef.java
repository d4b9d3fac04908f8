package dev.quiver.core.model;

import java.util.Objects;

/**
 * A reference to a method: owner type, name and descriptor. The canonical text form,
 * used by every input path, store and printer, is {@code Lcom/a/B;->foo(ILjava/lang/String;)V}.
 */
public record MethodRef(String owner, String name, String descriptor) {
    public MethodRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /** Parses the canonical form {@code Lcom/a/B;->foo(I)V}; returns null if it is not one. */
    public static MethodRef parse(String s) {
        int arrow = s.indexOf("->");
        if (arrow <= 0) {
            return null;
        }
        int paren = s.indexOf('(', arrow + 2);
        if (paren < 0 || s.indexOf(')', paren) < 0) {
            return null;
        }
        return new MethodRef(s.substring(0, arrow), s.substring(arrow + 2, paren), s.substring(paren));
    }



    @Override
    public String toString() {
        return owner + "->" + name + descriptor;
    }
}
