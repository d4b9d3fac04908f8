package dev.quiver.core.graph;

import dev.quiver.core.model.MethodRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short, readable node labels: {@code Chain.fact(int)} for {@code Lcom/q/Chain;->fact(I)I},
 * {@code SmsManager} for {@code Landroid/telephony/SmsManager;}. The package is left out (it is the
 * node's cluster) and descriptors are decoded to Java-like types. Labels are unique within a
 * package: overloads that would look alike (same parameter simple names, or bytecode overloads
 * that differ only in their return type) get the return type, then qualified types, then a number.
 * The full signature stays the node's id and tooltip.
 */
public final class Labels {
    /** Longer labels are cut (obfuscators make names thousands of characters long). */
    static final int MAX = 80;

    private Labels() {
    }

    /** The label of every node of {@code g}, by node id. */
    public static Map<String, String> of(Graph g) {
        Map<String, String> out = new HashMap<>();
        List<Graph.Node> todo = new ArrayList<>(g.nodes());
        for (Graph.Node n : todo) {
            out.put(n.id(), label(n.id(), 0));
        }
        for (int level = 1; level <= 3; level++) {
            Map<String, List<Graph.Node>> same = new HashMap<>();
            for (Graph.Node n : todo) {
                same.computeIfAbsent(packageName(n.type()) + "\n" + out.get(n.id()), k -> new ArrayList<>()).add(n);
            }
            todo = new ArrayList<>();
            for (Graph.Node n : g.nodes()) { // node order: the numbering of the last level is deterministic
                List<Graph.Node> group = same.get(packageName(n.type()) + "\n" + out.get(n.id()));
                if (group != null && group.size() > 1) {
                    todo.add(n);
                    out.put(n.id(), level < 3 ? label(n.id(), level) : out.get(n.id()) + " (" + (group.indexOf(n) + 1) + ")");
                }
            }
        }
        return out;
    }

    /**
     * The label of a method signature or type at a level of detail: 0 {@code B.foo(int)}; 1 with
     * the return type {@code B.foo(int): String}; 2 with qualified types.
     */
    static String label(String id, int level) {
        MethodRef m = id.contains("->") ? MethodRef.parse(id) : null;
        if (m == null) {
            return cut(simpleName(id));
        }
        boolean q = level >= 2;
        StringBuilder sb = new StringBuilder(simpleName(m.owner())).append('.').append(m.name())
                .append(parameterList(m.descriptor(), q));
        if (level >= 1 && parameterTypes(m.descriptor()) != null) {
            sb.append(": ").append(javaType(m.descriptor().substring(m.descriptor().indexOf(')') + 1), q));
        }
        return cut(sb.toString());
    }

    /**
     * A member of a class as a class box lists it: {@code count: int} for a field,
     * {@code foo(int, String): void} for a method; with {@code qualified}, types with their
     * packages (for overloads that would look alike). Cut like labels.
     */
    public static String member(String signature, boolean qualified) {
        int arrow = signature.indexOf("->");
        String rest = arrow < 0 ? signature : signature.substring(arrow + 2);
        MethodRef m = MethodRef.parse(signature);
        if (m != null) {
            String ret = parameterTypes(m.descriptor()) == null ? ""
                    : ": " + javaType(m.descriptor().substring(m.descriptor().indexOf(')') + 1), qualified);
            return cut(m.name() + parameterList(m.descriptor(), qualified) + ret);
        }
        int colon = rest.lastIndexOf(':');
        return cut(colon < 0 ? rest : rest.substring(0, colon) + ": " + javaType(rest.substring(colon + 1), qualified));
    }

    /**
     * A label with its package, for titles: {@code android.telephony.SmsManager.getDefault()},
     * {@code com.a.B}. Not cut (a title has the width of the drawing).
     */
    public static String qualified(String id) {
        MethodRef m = id.contains("->") ? MethodRef.parse(id) : null;
        String type = m == null ? id : m.owner();
        String pkg = packageName(type);
        String label = m == null ? simpleName(type) : simpleName(type) + "." + m.name() + parameterList(m.descriptor(), false);
        return pkg.isEmpty() ? label : pkg + "." + label;
    }

    /** {@code (int, String)} for {@code (ILjava/lang/String;)V}; a malformed descriptor as it is. */
    private static String parameterList(String descriptor, boolean qualified) {
        List<String> params = parameterTypes(descriptor);
        if (params == null) {
            return descriptor;
        }
        List<String> names = new ArrayList<>();
        for (String p : params) {
            names.add(javaType(p, qualified));
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String cut(String s) {
        if (s.codePointCount(0, s.length()) <= MAX) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX - 1)) + "…";
    }

    /**
     * A type descriptor as Java writes it: {@code int}, {@code byte[]}, {@code String} (simple) or
     * {@code java.lang.String} (qualified). Anything that is not a descriptor is returned as it is.
     */
    public static String javaType(String descriptor, boolean qualified) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String base = descriptor.substring(dims);
        String name = switch (base) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "S" -> "short";
            case "C" -> "char";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            case "V" -> "void";
            default -> {
                if (base.length() > 2 && base.startsWith("L") && base.endsWith(";")) {
                    String inner = base.substring(1, base.length() - 1);
                    yield qualified ? inner.replace('/', '.') : inner.substring(inner.lastIndexOf('/') + 1);
                }
                yield null;
            }
        };
        return name == null ? descriptor : name + "[]".repeat(dims);
    }

    /** The class part of a label: {@code Chain}, {@code Ünï$Inner}, {@code Object[]} for an array owner. */
    public static String simpleName(String type) {
        return javaType(type, false);
    }

    /** The Java package of a type ({@code com.q}); "" for the default package, primitives and arrays of them. */
    public static String packageName(String type) {
        int dims = 0;
        while (dims < type.length() && type.charAt(dims) == '[') {
            dims++;
        }
        int slash = type.lastIndexOf('/');
        if (type.startsWith("L", dims) && slash > dims) {
            return type.substring(dims + 1, slash).replace('/', '.');
        }
        return "";
    }

    /** The parameter type descriptors of a method descriptor, or null if it is malformed. */
    static List<String> parameterTypes(String descriptor) {
        if (!descriptor.startsWith("(")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int start = i;
            while (i < descriptor.length() && descriptor.charAt(i) == '[') {
                i++;
            }
            if (i >= descriptor.length()) {
                return null;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
                if (i < 0) {
                    return null;
                }
            }
            i++;
            out.add(descriptor.substring(start, i));
        }
        return i < descriptor.length() ? out : null;
    }
}
