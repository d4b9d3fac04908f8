package dev.quiver.core.model;

import java.util.Objects;

/** A reference to a field; canonical form {@code Lcom/a/B;->count:I}. */
public record FieldRef(String owner, String name, String type) {
    public FieldRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Parses the canonical form {@code Lcom/a/B;->count:I}; returns null if it is not one. */
    public static FieldRef parse(String s) {
        int arrow = s.indexOf("->");
        if (arrow <= 0) {
            return null;
        }
        int colon = s.indexOf(':', arrow + 2);
        if (colon < 0 || colon == s.length() - 1) {
            return null;
        }
        return new FieldRef(s.substring(0, arrow), s.substring(arrow + 2, colon), s.substring(colon + 1));
    }

    @Override
    public String toString() {
        return owner + "->" + name + ":" + type;
    }
}
