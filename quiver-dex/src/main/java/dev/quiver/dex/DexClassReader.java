package dev.quiver.dex;

import dev.quiver.core.model.Call;
import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldAccess;
import dev.quiver.core.model.FieldDef;
import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodDef;
import dev.quiver.core.model.MethodRef;
import dev.quiver.core.model.StringConst;
import dev.quiver.core.model.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jf.dexlib2.AccessFlags;
import org.jf.dexlib2.HiddenApiRestriction;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.ReferenceType;
import org.jf.dexlib2.dexbacked.DexBackedField;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.dexbacked.instruction.DexBackedInstruction;
import org.jf.dexlib2.iface.Annotation;
import org.jf.dexlib2.iface.Field;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.instruction.DualReferenceInstruction;
import org.jf.dexlib2.iface.instruction.FiveRegisterInstruction;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.instruction.RegisterRangeInstruction;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodProtoReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.jf.dexlib2.iface.reference.TypeReference;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.util.EncodedValueUtils;

/**
 * Maps one dexlib2 class definition to the model the smali parser produces for baksmali's output of the
 * same class: the same descriptors, flag words, register names, strings and values, in baksmali's order
 * (static fields, instance fields, direct methods, virtual methods). Lines are 0: DEX has no smali lines.
 *
 * <p>Like baksmali, a field or method defined twice in one class is read once (dexlib2 skips the repeat).
 * Thread-safe: references are decoded once per DEX file through its {@link DexRefs}.
 */
final class DexClassReader {
    private static final Set<Opcode> TYPE_REF_OPS = Set.of(Opcode.NEW_INSTANCE, Opcode.CONST_CLASS,
            Opcode.CHECK_CAST, Opcode.INSTANCE_OF, Opcode.NEW_ARRAY, Opcode.FILLED_NEW_ARRAY,
            Opcode.FILLED_NEW_ARRAY_RANGE);

    private static final Set<Opcode> STATIC_PUTS = Set.of(Opcode.SPUT, Opcode.SPUT_WIDE, Opcode.SPUT_OBJECT,
            Opcode.SPUT_BOOLEAN, Opcode.SPUT_BYTE, Opcode.SPUT_CHAR, Opcode.SPUT_SHORT);

    private final DexRefs refs;

    /** A reader for the classes of the DEX file {@code refs} belongs to (null: decode every reference anew). */
    DexClassReader(DexRefs refs) {
        this.refs = refs;
    }

    /** Reads one class; dexlib2's exceptions for corrupt data propagate to the caller. */
    ClassDef read(org.jf.dexlib2.iface.ClassDef dexClass) {
        String type = dexClass.getType();
        List<String> annotations = new ArrayList<>();
        for (Annotation a : dexClass.getAnnotations()) {
            annotations.add(a.getType());
        }
        Set<String> setInClinit = fieldsSetInStaticConstructor(dexClass);
        List<FieldDef> fields = new ArrayList<>();
        for (Field f : dexClass.getStaticFields()) {
            fields.add(field(f, initialValue(f, setInClinit), refs));
        }
        for (Field f : dexClass.getInstanceFields()) {
            fields.add(field(f, null, refs));
        }
        List<MethodDef> methods = new ArrayList<>();
        for (Method m : dexClass.getDirectMethods()) {
            methods.add(method(m, refs));
        }
        for (Method m : dexClass.getVirtualMethods()) {
            methods.add(method(m, refs));
        }
        // Copied one by one: dexlib2's list trusts the type_list's declared size, and copying it whole
        // would allocate that size first (2^31 in a forged DEX) instead of failing at the first bad item.
        List<String> interfaces = new ArrayList<>();
        for (String i : dexClass.getInterfaces()) {
            interfaces.add(i);
        }
        return new ClassDef(type, AccessFlags.formatAccessFlagsForClass(dexClass.getAccessFlags()),
                dexClass.getSuperclass(), interfaces, dexClass.getSourceFile(), annotations, 0,
                fields, methods);
    }

    private static FieldDef field(Field f, String initialValue, DexRefs refs) {
        String name;
        String type;
        if (refs != null && f instanceof DexBackedField df) {
            FieldRef self = refs.field(df.fieldIndex);
            name = self.name();
            type = self.type();
        } else {
            name = f.getName();
            type = f.getType();
        }
        return new FieldDef(name, type,
                flags(AccessFlags.formatAccessFlagsForField(f.getAccessFlags()), f.getHiddenApiRestrictions()),
                initialValue, 0);
    }

    /**
     * baksmali leaves out a default value ({@code 0}, {@code null}, {@code false}) of a static final field
     * that the class's {@code <clinit>} assigns; every other static value is written.
     */
    private static String initialValue(Field f, Set<String> setInClinit) {
        EncodedValue v = f.getInitialValue();
        if (v == null) {
            return null;
        }
        int flags = f.getAccessFlags();
        if (AccessFlags.STATIC.isSet(flags) && AccessFlags.FINAL.isSet(flags)
                && setInClinit.contains(f.getName() + ":" + f.getType()) && EncodedValueUtils.isDefaultValue(v)) {
            return null;
        }
        return SmaliText.value(v);
    }

    /** {@code name:type} of this class's fields that its static constructor assigns with {@code sput*}. */
    private static Set<String> fieldsSetInStaticConstructor(org.jf.dexlib2.iface.ClassDef dexClass) {
        Set<String> out = new HashSet<>();
        for (Method m : dexClass.getDirectMethods()) {
            if (!m.getName().equals("<clinit>") || m.getImplementation() == null) {
                continue;
            }
            for (Instruction insn : m.getImplementation().getInstructions()) {
                if (STATIC_PUTS.contains(insn.getOpcode())) {
                    FieldReference ref = (FieldReference) ((ReferenceInstruction) insn).getReference();
                    if (ref.getDefiningClass().equals(dexClass.getType())) {
                        out.add(ref.getName() + ":" + ref.getType());
                    }
                }
            }
        }
        return out;
    }

    /** Access flags, then hidden-API restrictions, as baksmali writes them on {@code .field} and {@code .method}. */
    private static String flags(String accessFlags, Set<HiddenApiRestriction> restrictions) {
        if (restrictions.isEmpty()) {
            return accessFlags;
        }
        StringBuilder sb = new StringBuilder(accessFlags);
        for (HiddenApiRestriction r : restrictions) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(r);
        }
        return sb.toString();
    }

    private static MethodDef method(Method m, DexRefs refs) {
        String flags = flags(AccessFlags.formatAccessFlagsForMethod(m.getAccessFlags()), m.getHiddenApiRestrictions());
        String name;
        String descriptor;
        if (refs != null && m instanceof DexBackedMethod dm) {
            MethodRef self = refs.method(dm.methodIndex);
            name = self.name();
            descriptor = self.descriptor();
        } else {
            name = m.getName();
            descriptor = SmaliText.descriptor(m.getParameterTypes(), m.getReturnType());
        }
        MethodImplementation impl = m.getImplementation();
        if (impl == null) {
            return new MethodDef(name, descriptor, flags, -1, -1, 0, 0, List.of(), List.of(), List.of(),
                    List.of());
        }
        int parameterRegisters = Descriptors.parameterRegisters(descriptor, AccessFlags.STATIC.isSet(m.getAccessFlags()));
        Body body = new Body(impl.getRegisterCount(), parameterRegisters, refs);
        for (Instruction insn : impl.getInstructions()) {
            body.add(insn);
        }
        // Both counts, whichever directive a smali tree uses (.registers by default, .locals with apktool).
        int locals = impl.getRegisterCount() - parameterRegisters;
        return new MethodDef(name, descriptor, flags, impl.getRegisterCount(), locals, 0, 0, body.calls,
                body.strings, body.fieldAccesses, body.typeRefs);
    }

    /** What one method body references, in instruction order. */
    private static final class Body {
        final int registerCount;
        final int parameterRegisters;
        final DexRefs refs;
        final List<Call> calls = new ArrayList<>();
        final List<StringConst> strings = new ArrayList<>();
        final List<FieldAccess> fieldAccesses = new ArrayList<>();
        final List<TypeRef> typeRefs = new ArrayList<>();

        Body(int registerCount, int parameterRegisters, DexRefs refs) {
            this.registerCount = registerCount;
            this.parameterRegisters = parameterRegisters;
            this.refs = refs;
        }

        /** The index of the instruction's reference in its id section, or -1 when it cannot be cached. */
        private int index(Instruction insn) {
            return refs != null && insn instanceof DexBackedInstruction d ? DexRefs.referenceIndex(d) : -1;
        }

        void add(Instruction insn) {
            Opcode op = insn.getOpcode();
            if (op.name.startsWith("invoke-") && insn instanceof ReferenceInstruction ref) {
                call(op, ref);
            } else if (op == Opcode.CONST_STRING || op == Opcode.CONST_STRING_JUMBO) {
                int i = index(insn);
                String value = i >= 0 ? refs.string(i)
                        : ((StringReference) ((ReferenceInstruction) insn).getReference()).getString();
                strings.add(new StringConst(value, op == Opcode.CONST_STRING_JUMBO, 0));
            } else if (op.referenceType == ReferenceType.FIELD) {
                int i = index(insn);
                FieldRef target;
                if (i >= 0) {
                    target = refs.field(i);
                } else {
                    FieldReference f = (FieldReference) ((ReferenceInstruction) insn).getReference();
                    target = new FieldRef(f.getDefiningClass(), f.getName(), f.getType());
                }
                fieldAccesses.add(new FieldAccess(op.name, target, 0));
            } else if (TYPE_REF_OPS.contains(op)) {
                int i = index(insn);
                String type = i >= 0 ? refs.type(i)
                        : ((TypeReference) ((ReferenceInstruction) insn).getReference()).getType();
                typeRefs.add(new TypeRef(op.name, type, 0));
            }
        }

        private void call(Opcode op, ReferenceInstruction insn) {
            String kind = op.name.substring("invoke-".length());
            MethodRef ref;
            String extra = null;
            if (op.referenceType == ReferenceType.METHOD && index((Instruction) insn) >= 0) {
                ref = refs.method(index((Instruction) insn));
                if (insn instanceof DualReferenceInstruction dual
                        && dual.getReference2() instanceof MethodProtoReference proto) {
                    extra = SmaliText.proto(proto);
                }
            } else {
                MethodReference target;
                if (insn.getReference() instanceof CallSiteReference site) {
                    target = (MethodReference) site.getMethodHandle().getMemberReference();
                    extra = SmaliText.callSite(site);
                } else {
                    target = (MethodReference) insn.getReference();
                    if (insn instanceof DualReferenceInstruction dual
                            && dual.getReference2() instanceof MethodProtoReference proto) {
                        extra = SmaliText.proto(proto);
                    }
                }
                ref = new MethodRef(target.getDefiningClass(), target.getName(),
                        SmaliText.descriptor(target.getParameterTypes(), target.getReturnType()));
            }
            calls.add(new Call(kind, ref, registers((Instruction) insn), extra, 0));
        }

        private String registers(Instruction insn) {
            if (insn instanceof RegisterRangeInstruction range) {
                return SmaliText.registerRange(range.getStartRegister(), range.getRegisterCount(), registerCount,
                        parameterRegisters);
            }
            FiveRegisterInstruction five = (FiveRegisterInstruction) insn;
            int[] regs = {five.getRegisterC(), five.getRegisterD(), five.getRegisterE(), five.getRegisterF(),
                    five.getRegisterG()};
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < five.getRegisterCount(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(SmaliText.register(regs[i], registerCount, parameterRegisters));
            }
            return sb.toString();
        }
    }
}
