package dev.quiver.core.model;

/** Facts derived from type and method descriptors, shared by every input path. */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * Registers a method's parameters occupy (the {@code p} registers): one for {@code this} unless
     * static, one per parameter, two for {@code J} and {@code D}. {@code .registers} = {@code .locals}
     * + this number.
     */
    public static int parameterRegisters(String methodDescriptor, boolean isStatic) {
        int n = isStatic ? 0 : 1;
        int i = 1; // after '('
        while (i < methodDescriptor.length() && methodDescriptor.charAt(i) != ')') {
            char c = methodDescriptor.charAt(i);
            if (c == '[') {
                while (methodDescriptor.charAt(i) == '[') {
                    i++;
                }
                if (methodDescriptor.charAt(i) == 'L') {
                    i = methodDescriptor.indexOf(';', i);
                }
                n++;
            } else if (c == 'L') {
                i = methodDescriptor.indexOf(';', i);
                n++;
            } else {
                n += (c == 'J' || c == 'D') ? 2 : 1;
            }
            if (i < 0) {
                return n;
            }
            i++;
        }
        return n;
    }

    /** The parameter types of a method descriptor, without parentheses: {@code I[B} for {@code (I[B)V}. */
    public static String parameters(String methodDescriptor) {
        return methodDescriptor.substring(1, Math.max(1, methodDescriptor.indexOf(')')));
    }

    /** The return type of a method descriptor: {@code V} for {@code (I[B)V}. */
    public static String returnType(String methodDescriptor) {
        return methodDescriptor.substring(methodDescriptor.indexOf(')') + 1);
    }

    /**
     * A type as a user may type it, in descriptor form: {@code Landroid/app/Activity;} stays, a
     * shell-eaten {@code Landroid/app/Activity} (no {@code ;}) and a Java name {@code android.app.Activity}
     * become {@code Landroid/app/Activity;}. Anything else (patterns, primitives, arrays) is returned as is.
     */
    public static String userType(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.indexOf('*') >= 0 || t.indexOf('?') >= 0 || isFieldType(t)) {
            return t;
        }
        if (t.charAt(0) == 'L' && t.indexOf('/') > 0 && t.indexOf(';') < 0) {
            return t + ";";
        }
        if (t.indexOf('/') < 0 && t.indexOf(';') < 0 && t.indexOf('.') > 0 && !t.startsWith(".") && !t.endsWith(".")) {
            return "L" + t.replace('.', '/') + ";";
        }
        return t;
    }

    /** A field or array element type: {@code I}, {@code [B}, {@code Lcom/a/B;} (not {@code V}). */
    public static boolean isFieldType(String s) {
        return typeEnd(s, 0, false) == s.length();
    }

    /** Any type descriptor including {@code V}. */
    public static boolean isType(String s) {
        return typeEnd(s, 0, true) == s.length();
    }

    /** {@code (I[BLjava/lang/String;)V}: parameters that are field types, a return type. */
    public static boolean isMethodDescriptor(String s) {
        if (s.isEmpty() || s.charAt(0) != '(') {
            return false;
        }
        int i = 1;
        while (i < s.length() && s.charAt(i) != ')') {
            i = typeEnd(s, i, false);
            if (i < 0) {
                return false;
            }
        }
        return i < s.length() && typeEnd(s, i + 1, true) == s.length();
    }

    /**
     * Where the type descriptor starting at {@code from} ends, or -1 if none starts there. No
     * allocation: this runs for every call and field reference of an app.
     */
    private static int typeEnd(String s, int from, boolean voidAllowed) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
        }
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == 'L') {
            int semi = s.indexOf(';', i);
            // at least one character of name, and no nested '(' or ')' (method descriptors)
            if (semi < 0 || semi == i + 1) {
                return -1;
            }
            for (int k = i + 1; k < semi; k++) {
                char ch = s.charAt(k);
                if (ch == '(' || ch == ')') {
                    return -1;
                }
            }
            return semi + 1;
        }
        if ("ZBSCIJFD".indexOf(c) >= 0 || c == 'V' && voidAllowed && i == from) {
            return i + 1;
        }
        return -1;
    }
}
