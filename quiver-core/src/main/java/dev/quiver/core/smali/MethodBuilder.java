package dev.quiver.core.smali;

import dev.quiver.core.model.Call;
import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldAccess;
import dev.quiver.core.model.MethodDef;
import dev.quiver.core.model.StringConst;
import dev.quiver.core.model.TypeRef;
import java.util.ArrayList;
import java.util.List;

/** The method under construction: its header, its register counts and what its body refers to. */
final class MethodBuilder {
    final String name;
    final String descriptor;
    final String flags;
    final int line;
    /** -1 until {@code .registers} / {@code .locals} give them. */
    int registers = -1;
    int locals = -1;
    final List<Call> calls = new ArrayList<>();
    final List<StringConst> strings = new ArrayList<>();
    final List<FieldAccess> fieldAccesses = new ArrayList<>();
    final List<TypeRef> typeRefs = new ArrayList<>();

    MethodBuilder(String name, String descriptor, String flags, int line) {
        this.name = name;
        this.descriptor = descriptor;
        this.flags = flags;
        this.line = line;
    }

    /** The method, ending at {@code lastLine}. */
    MethodDef build(int lastLine) {
        int regs = registers;
        int locs = locals;
        // Fill both counts whichever directive the tree uses (.registers by default, .locals with apktool).
        if (regs >= 0 || locs >= 0) {
            boolean isStatic = (" " + flags + " ").contains(" static ");
            int params = Descriptors.parameterRegisters(descriptor, isStatic);
            if (regs < 0) {
                regs = locs + params;
            } else if (locs < 0) {
                locs = regs - params;
            }
        }
        return new MethodDef(name, descriptor, flags, regs, locs, line, lastLine, calls, strings, fieldAccesses,
                typeRefs);
    }
}
