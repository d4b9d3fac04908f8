package dev.quiver.dex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.jf.dexlib2.util.ReferenceUtil;

/**
 * The reference edges of a DEX file or APK as dexlib2 reads them, computed with no Quiver code:
 * the independent answer cross-references are compared against. Methods and fields are named by
 * dexlib2's own {@link ReferenceUtil} descriptors. An {@code invoke-custom} counts as a call of its
 * call site's bootstrap method (as Quiver stores it).
 */
final class DexEdges {
    private static final Pattern CLASSES_DEX = Pattern.compile("classes[0-9]{0,9}\\.dex");

    /** Target method → calling methods. */
    final Map<String, Set<String>> callers = new TreeMap<>();
    /** Method (every definition of its signature) → called methods. */
    final Map<String, Set<String>> callees = new TreeMap<>();
    /** Field → methods reading it (iget*, sget*). */
    final Map<String, Set<String>> readers = new TreeMap<>();
    /** Field → methods writing it (iput*, sput*). */
    final Map<String, Set<String>> writers = new TreeMap<>();
    /** String value → methods loading it with const-string(/jumbo). */
    final Map<String, Set<String>> strings = new TreeMap<>();
    /** Methods that have code. */
    final Set<String> withCode = new TreeSet<>();

    static DexEdges of(Path file) throws IOException {
        DexEdges e = new DexEdges();
        for (DexBackedDexFile dex : dexFiles(file)) {
            for (DexBackedClassDef c : dex.getClasses()) {
                for (DexBackedMethod m : c.getMethods()) {
                    e.add(m);
                }
            }
        }
        return e;
    }

    static List<DexBackedDexFile> dexFiles(Path file) throws IOException {
        if (isDex(file)) {
            return List.of(DexFileFactory.loadDexFile(file.toFile(), null));
        }
        MultiDexContainer<? extends DexBackedDexFile> container = DexFileFactory.loadDexContainer(file.toFile(), null);
        List<DexBackedDexFile> out = new ArrayList<>();
        for (String name : container.getDexEntryNames()) {
            if (CLASSES_DEX.matcher(name).matches()) {
                out.add(container.getEntry(name).getDexFile());
            }
        }
        return out;
    }

    private static boolean isDex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {'d', 'e', 'x', '\n'});
        }
    }

    private void add(DexBackedMethod m) {
        MethodImplementation impl = m.getImplementation();
        String self = ReferenceUtil.getMethodDescriptor(m);
        callees.computeIfAbsent(self, k -> new TreeSet<>());
        if (impl == null) {
            return;
        }
        withCode.add(self);
        for (Instruction insn : impl.getInstructions()) {
            Opcode op = insn.getOpcode();
            if (!(insn instanceof ReferenceInstruction ri)) {
                continue;
            }
            if (op.name.startsWith("invoke-")) {
                String target;
                if (ri.getReference() instanceof CallSiteReference cs) {
                    target = ReferenceUtil.getMethodDescriptor(
                            (MethodReference) cs.getMethodHandle().getMemberReference());
                } else {
                    target = ReferenceUtil.getMethodDescriptor((MethodReference) ri.getReference());
                }
                callers.computeIfAbsent(target, k -> new TreeSet<>()).add(self);
                callees.get(self).add(target);
            } else if (op.referenceType == ReferenceType.FIELD) {
                String f = ReferenceUtil.getFieldDescriptor((FieldReference) ri.getReference());
                Map<String, Set<String>> map = op.name.startsWith("iget") || op.name.startsWith("sget") ? readers : writers;
                map.computeIfAbsent(f, k -> new TreeSet<>()).add(self);
            } else if (op == Opcode.CONST_STRING || op == Opcode.CONST_STRING_JUMBO) {
                String s = ((StringReference) ri.getReference()).getString();
                strings.computeIfAbsent(s, k -> new TreeSet<>()).add(self);
            }
        }
    }

    /** The closure of {@code edges} from {@code roots}, {@code depth} levels, roots left out: method → depth. */
    static Map<String, Integer> closure(Map<String, Set<String>> edges, Set<String> roots, int depth) {
        Map<String, Integer> out = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>(roots);
        Set<String> frontier = new TreeSet<>(roots);
        for (int d = 1; d <= depth && !frontier.isEmpty(); d++) {
            Set<String> next = new TreeSet<>();
            for (String f : frontier) {
                for (String n : edges.getOrDefault(f, Set.of())) {
                    if (seen.add(n)) {
                        out.put(n, d);
                        next.add(n);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }
}
