package dev.quiver.dex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jf.dexlib2.DexFileFactory;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.ReferenceType;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.MultiDexContainer;
import org.jf.dexlib2.iface.instruction.Instruction;

/**
 * What dexlib2 itself reports for a DEX file or an APK/JAR/ZIP (all its {@code classes*.dex} entries):
 * the independent reader the exactness tests compare Quiver's index against.
 *
 * <p>It deliberately shares no code with {@link DexClassReader}: entries are found by dexlib2's own
 * {@link DexFileFactory}, instructions are classified by opcode only. Duplicate fields and methods inside a
 * class are skipped the way dexlib2's default iterators (and baksmali, which comments them out) skip them.
 *
 * @param dexFiles        DEX files read
 * @param classes         class definitions, over all DEX files
 * @param distinctClasses distinct class types (smaller than {@code classes} when two DEX files of one APK define
 *                        the same class; a smali tree then holds one file for both)
 * @param methods         method definitions (direct and virtual)
 * @param fields          field definitions (static and instance)
 * @param calls           invoke instructions of every kind, {@code /range}, polymorphic and custom included
 * @param strings         {@code const-string} and {@code const-string/jumbo} instructions
 * @param fieldRefs       {@code iget*}, {@code iput*}, {@code sget*}, {@code sput*} instructions
 * @param typeRefs        {@code new-instance}, {@code const-class}, {@code check-cast}, {@code instance-of},
 *                        {@code new-array}, {@code filled-new-array}, {@code filled-new-array/range} instructions
 */
public record DexCounts(
        int dexFiles,
        long classes,
        long distinctClasses,
        long methods,
        long fields,
        long calls,
        long strings,
        long fieldRefs,
        long typeRefs) {

    private static final Pattern CLASSES_DEX = Pattern.compile("classes[0-9]{0,9}\\.dex");

    private static final Set<Opcode> TYPE_REF_OPS = Set.of(Opcode.NEW_INSTANCE, Opcode.CONST_CLASS,
            Opcode.CHECK_CAST, Opcode.INSTANCE_OF, Opcode.NEW_ARRAY, Opcode.FILLED_NEW_ARRAY,
            Opcode.FILLED_NEW_ARRAY_RANGE);

    /** Counts one DEX file, or every {@code classes*.dex} entry of an APK/JAR/ZIP. */
    public static DexCounts of(Path file) throws IOException {
        if (isDex(file)) {
            return ofAll(List.of(file));
        }
        MultiDexContainer<? extends DexBackedDexFile> container = DexFileFactory.loadDexContainer(file.toFile(),
                null);
        List<DexBackedDexFile> dexes = new ArrayList<>();
        for (String name : container.getDexEntryNames()) {
            if (CLASSES_DEX.matcher(name).matches()) {
                dexes.add(container.getEntry(name).getDexFile());
            }
        }
        return of(dexes);
    }

    private static boolean isDex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return Arrays.equals(magic, new byte[] {'d', 'e', 'x', '\n'});
        }
    }

    /** Counts the given DEX files (for example the 12 files of a split framework). */
    public static DexCounts ofAll(List<Path> dexFiles) throws IOException {
        List<DexBackedDexFile> dexes = new ArrayList<>();
        for (Path p : dexFiles) {
            dexes.add(DexFileFactory.loadDexFile(p.toFile(), null));
        }
        return of(dexes);
    }

    private static DexCounts of(List<DexBackedDexFile> dexes) {
        Counter c = new Counter();
        for (DexBackedDexFile dex : dexes) {
            for (DexBackedClassDef classDef : dex.getClasses()) {
                c.add(classDef);
            }
        }
        return new DexCounts(dexes.size(), c.classes, c.types.size(), c.methods, c.fields, c.calls, c.strings,
                c.fieldRefs, c.typeRefs);
    }

    /** The sum of two counts (for several inputs indexed into one database). */
    public DexCounts plus(DexCounts o) {
        return new DexCounts(dexFiles + o.dexFiles, classes + o.classes, distinctClasses + o.distinctClasses,
                methods + o.methods, fields + o.fields, calls + o.calls, strings + o.strings,
                fieldRefs + o.fieldRefs, typeRefs + o.typeRefs);
    }

    private static final class Counter {
        final Set<String> types = new HashSet<>();
        long classes;
        long methods;
        long fields;
        long calls;
        long strings;
        long fieldRefs;
        long typeRefs;

        void add(DexBackedClassDef classDef) {
            classes++;
            types.add(classDef.getType());
            for (Object ignored : classDef.getFields()) {
                fields++;
            }
            for (DexBackedMethod method : classDef.getMethods()) {
                methods++;
                MethodImplementation impl = method.getImplementation();
                if (impl != null) {
                    for (Instruction insn : impl.getInstructions()) {
                        count(insn.getOpcode());
                    }
                }
            }
        }

        void count(Opcode op) {
            if (op.name.startsWith("invoke-")) {
                calls++;
            } else if (op == Opcode.CONST_STRING || op == Opcode.CONST_STRING_JUMBO) {
                strings++;
            } else if (op.referenceType == ReferenceType.FIELD) {
                fieldRefs++;
            } else if (TYPE_REF_OPS.contains(op)) {
                typeRefs++;
            }
        }
    }
}
