package dev.quiver.core.smali;

import dev.quiver.core.model.Call;
import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldAccess;
import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodRef;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.model.StringConst;
import dev.quiver.core.model.TypeRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The instruction and label lines of one file: the calls, field accesses, type references and string
 * constants of the method under construction, with implicit member references given the current class.
 */
final class Instructions {
    private static final Set<String> OPCODES = loadOpcodes();

    private static final Set<String> TYPE_REF_OPS = Set.of(
            "new-instance", "const-class", "check-cast", "instance-of", "new-array",
            "filled-new-array", "filled-new-array/range");

    private final SmaliLine line;
    private final UnitBuilder unit;

    Instructions(SmaliLine line, UnitBuilder unit) {
        this.line = line;
        this.unit = unit;
    }

    private void problem(Kind kind, String message) {
        unit.problem(kind, line.number(), message);
    }

    /** A label line ({@code :cond_0}): only its place is checked. */
    void label() {
        if (unit.method == null) {
            problem(Kind.MISPLACED, "label outside a method: " + line.snippet());
        }
    }

    /** A line that is neither a directive nor a label. */
    void instruction() {
        int opStart = line.pos();
        String op = line.token();
        boolean known = OPCODES.contains(op);
        MethodBuilder method = unit.method;
        if (method == null) {
            if (unit.cls != null || known) {
                problem(Kind.MISPLACED, (known ? "instruction" : "text") + " outside a method: "
                        + line.snippetFrom(opStart) + "; skipped");
            } else {
                problem(Kind.SYNTAX, "not smali: " + line.snippetFrom(opStart));
            }
            return;
        }
        if (!known) {
            problem(Kind.SYNTAX, "unknown instruction '" + op + "': " + line.snippetFrom(opStart));
            return;
        }
        switch (op.charAt(0)) {
            case 'i' -> {
                if (op.startsWith("invoke-")) {
                    invoke(method, op, opStart);
                    return;
                }
                if (op.startsWith("iget") || op.startsWith("iput")) {
                    fieldAccess(method, op, opStart);
                    return;
                }
            }
            case 's' -> {
                if (op.startsWith("sget") || op.startsWith("sput")) {
                    fieldAccess(method, op, opStart);
                    return;
                }
            }
            case 'c' -> {
                if (op.equals("const-string") || op.equals("const-string/jumbo")) {
                    constString(method, op, opStart);
                    return;
                }
            }
            default -> {
            }
        }
        if (TYPE_REF_OPS.contains(op)) {
            typeRef(method, op, opStart);
        }
    }

    private void invoke(MethodBuilder method, String op, int opStart) {
        String regs = line.registerList();
        if (regs == null) {
            problem(Kind.SYNTAX, "invoke without a {register list}: " + line.snippetFrom(opStart));
            return;
        }
        String kind = op.substring("invoke-".length());
        Call call = invokeTarget(kind, regs);
        if (call == null && line.hasComment()) { // rare: only then look for a trailing comment
            line.cutComment();
            call = invokeTarget(kind, regs);
        }
        if (call != null) {
            method.calls.add(call);
        } else if (kind.contains("-quick")) {
            problem(Kind.UNSUPPORTED, op + " (odex) names a vtable offset, not a method; not recorded"
                    + " as a call: " + line.snippetFrom(opStart));
        } else {
            problem(Kind.SYNTAX, "invoke without a valid method reference: " + line.snippetFrom(opStart));
        }
    }

    /** The call from the operands at the cursor (after the register list), or null if invalid. */
    private Call invokeTarget(String kind, String regs) {
        String rest = line.rest().strip();
        MethodRef target;
        String extra = null;
        if (kind.startsWith("custom")) {
            int at = rest.lastIndexOf(")@");
            target = at < 0 ? null : methodRef(implicitOwner(rest.substring(at + 2).strip()));
            int open = rest.indexOf('(');
            extra = open < 0 ? rest : ValueText.canonical(rest, open + 1, unit.cls.descriptor);
        } else {
            int comma = rest.indexOf(',');
            if (comma >= 0) {
                extra = ValueText.unquote(rest.substring(comma + 1).strip());
                rest = rest.substring(0, comma).strip();
            }
            target = methodRef(implicitOwner(rest));
            if (extra != null && !Descriptors.isMethodDescriptor(extra)) {
                return null; // a polymorphic call's prototype, or trailing text
            }
        }
        return target == null ? null : new Call(kind, target, regs, extra, line.number());
    }

    private void fieldAccess(MethodBuilder method, String op, int opStart) {
        String operand = line.lastOperand();
        if (operand.indexOf("->") < 0 && line.hasComment()) {
            // An implicit reference (no class): a comment's last comma must not be taken for its start.
            line.cutComment();
            operand = line.lastOperand();
        }
        FieldRef ref = fieldRef(implicitOwner(operand));
        if (ref == null && line.hasComment()) {
            line.cutComment();
            ref = fieldRef(implicitOwner(line.lastOperand()));
        }
        if (ref == null) {
            if (op.endsWith("-quick")) {
                problem(Kind.UNSUPPORTED, op + " (odex) names a field offset, not a field; not recorded"
                        + " as a field access: " + line.snippetFrom(opStart));
            } else {
                problem(Kind.SYNTAX, op + " without a valid field reference: " + line.snippetFrom(opStart));
            }
            return;
        }
        method.fieldAccesses.add(new FieldAccess(op, ref, line.number()));
    }

    private void typeRef(MethodBuilder method, String op, int opStart) {
        String type = ValueText.unquote(line.lastOperand());
        if (!Descriptors.isFieldType(type) && line.hasComment()) {
            line.cutComment();
            type = ValueText.unquote(line.lastOperand());
        }
        if (!Descriptors.isFieldType(type)) {
            problem(Kind.SYNTAX, op + " without a valid type: " + line.snippetFrom(opStart));
            return;
        }
        method.typeRefs.add(new TypeRef(op, type, line.number()));
    }

    private void constString(MethodBuilder method, String op, int opStart) {
        if (!line.skipTo('"')) {
            problem(Kind.SYNTAX, op + " without a string literal: " + line.snippetFrom(opStart));
            return;
        }
        String value = line.stringLiteral();
        if (value == null) {
            problem(Kind.SYNTAX, line.error());
            return;
        }
        method.strings.add(new StringConst(value, op.endsWith("/jumbo"), line.number()));
    }

    /** A method reference with a valid owner type and descriptor (backticks dropped), or null. */
    private static MethodRef methodRef(String text) {
        MethodRef r = MethodRef.parse(ValueText.unquote(text));
        if (r == null || !Descriptors.isType(r.owner()) || r.owner().equals("V") || r.name().isEmpty()
                || !Descriptors.isMethodDescriptor(r.descriptor())) {
            return null;
        }
        return r;
    }

    /** A field reference with a valid owner and field type (backticks dropped), or null. */
    private static FieldRef fieldRef(String text) {
        FieldRef r = FieldRef.parse(ValueText.unquote(text));
        if (r == null || !Descriptors.isType(r.owner()) || r.owner().equals("V") || r.name().isEmpty()
                || !Descriptors.isFieldType(r.type())) {
            return null;
        }
        return r;
    }

    /**
     * baksmali {@code --implicit-references} writes a member of the current class without its class:
     * {@code foo(I)V}, {@code count:I} (and {@code ->foo(I)V} is accepted too). Instructions are only read
     * inside a method, so there always is a current class.
     */
    private String implicitOwner(String ref) {
        String owner = unit.cls.descriptor;
        if (ref.startsWith("->")) {
            return owner + ref;
        }
        return ref.indexOf("->") < 0 ? owner + "->" + ref : ref;
    }

    private static Set<String> loadOpcodes() {
        Set<String> set = new HashSet<>();
        try (InputStream in = Instructions.class.getResourceAsStream("opcodes.txt")) {
            if (in == null) {
                throw new IllegalStateException("opcodes.txt missing from the quiver-core jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                if (!l.isBlank()) {
                    set.add(l.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
