package dev.quiver.dex;

import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodRef;
import org.jf.dexlib2.Format;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBuffer;
import org.jf.dexlib2.dexbacked.instruction.DexBackedInstruction;
import org.jf.dexlib2.dexbacked.raw.FieldIdItem;
import org.jf.dexlib2.dexbacked.raw.MethodIdItem;
import org.jf.dexlib2.dexbacked.reference.DexBackedMethodProtoReference;

/**
 * The references of one DEX file, each decoded once: a method, field, string or type is read from
 * the DEX's id sections the first time an instruction or definition names it, then the same
 * object is handed out for every later use, by every worker.
 *
 * <p>Why: dexlib2 decodes a reference's strings anew on every access. On the Android framework
 * that decoding was the largest cost of reading DEX (the workers' top frames), and the writer
 * then hashed and compared those fresh strings again for every call. Shared objects keep the
 * strings' cached hash codes and let the writer's lookups succeed on identity.
 *
 * <p>Thread-safe without locks: the slots are filled racily with immutable objects (final fields),
 * so a reader sees either null (and decodes the same value itself) or a complete object.
 */
final class DexRefs {
    private final DexBackedDexFile dex;
    private final MethodRef[] methods;
    private final FieldRef[] fields;
    private final String[] strings;
    private final String[] types;
    private final String[] protos;

    DexRefs(DexBackedDexFile dex) {
        this.dex = dex;
        this.methods = new MethodRef[dex.getMethodSection().size()];
        this.fields = new FieldRef[dex.getFieldSection().size()];
        this.strings = new String[dex.getStringSection().size()];
        this.types = new String[dex.getTypeSection().size()];
        this.protos = new String[dex.getProtoSection().size()];
    }

    /**
     * The method of {@code method_ids[index]}. Its class, name and prototype are read through the
     * type, string and prototype caches, by their indexes in the {@code method_id_item}, so a name
     * shared by many methods ({@code <init>}, {@code Ljava/lang/String;}) is decoded once per DEX.
     */
    MethodRef method(int index) {
        MethodRef r = methods[index];
        if (r == null) {
            DexBuffer b = dex.getBuffer();
            int at = dex.getMethodSection().getOffset(index);
            r = new MethodRef(type(b.readUshort(at + MethodIdItem.CLASS_OFFSET)),
                    string(b.readSmallUint(at + MethodIdItem.NAME_OFFSET)),
                    proto(b.readUshort(at + MethodIdItem.PROTO_OFFSET)));
            methods[index] = r;
        }
        return r;
    }

    /** The descriptor ({@code (ILjava/lang/String;)V}) of {@code proto_ids[index]}. */
    private String proto(int index) {
        String s = protos[index];
        if (s == null) {
            DexBackedMethodProtoReference p = dex.getProtoSection().get(index);
            s = SmaliText.descriptor(p.getParameterTypes(), p.getReturnType());
            protos[index] = s;
        }
        return s;
    }

    /** The field of {@code field_ids[index]}, read through the type and string caches as {@link #method} is. */
    FieldRef field(int index) {
        FieldRef r = fields[index];
        if (r == null) {
            DexBuffer b = dex.getBuffer();
            int at = dex.getFieldSection().getOffset(index);
            r = new FieldRef(type(b.readUshort(at + FieldIdItem.CLASS_OFFSET)),
                    string(b.readSmallUint(at + FieldIdItem.NAME_OFFSET)),
                    type(b.readUshort(at + FieldIdItem.TYPE_OFFSET)));
            fields[index] = r;
        }
        return r;
    }

    /** The string of {@code string_ids[index]}. */
    String string(int index) {
        String s = strings[index];
        if (s == null) {
            s = dex.getStringSection().get(index);
            strings[index] = s;
        }
        return s;
    }

    /** The type of {@code type_ids[index]}. */
    String type(int index) {
        String s = types[index];
        if (s == null) {
            s = dex.getTypeSection().get(index);
            types[index] = s;
        }
        return s;
    }

    /**
     * The index an instruction's (first) reference has in its id section, read from the code units
     * as the DEX format lays them out: a 16-bit index after the opcode unit (formats 21c, 22c, 35c,
     * 3rc, 45cc, 4rcc), a 32-bit one for 31c ({@code const-string/jumbo}).
     */
    static int referenceIndex(DexBackedInstruction insn) {
        int at = insn.instructionStart + 2;
        return insn.getOpcode().format == Format.Format31c
                ? insn.dexFile.getDataBuffer().readSmallUint(at)
                : insn.dexFile.getDataBuffer().readUshort(at);
    }
}
