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

    /** A field or array element type: {@code I}, {@code [B}, {@code Lcom/a/B;} (not {@code V}). */
    public static boolean isFieldType(String s) {
        return isType(s) && !s.equals("V");
    }

    /** Any type descriptor including {@code V}. */
    public static boolean isType(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
        }
        if (i == s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (c == 'L') {
            return s.length() > i + 2 && s.indexOf(';') == s.length() - 1;
        }
        return i == s.length() - 1 && "ZBSCIJFDV".indexOf(c) >= 0 && !(i > 0 && c == 'V');
    }

    /** {@code (I[BLjava/lang/String;)V}: parameters that are field types, a return type. */
    public static boolean isMethodDescriptor(String s) {
        if (s.length() < 3 || s.charAt(0) != '(') {
            return false;
        }
        int close = s.indexOf(')');
        if (close < 0 || !isType(s.substring(close + 1))) {
            return false;
        }
        int i = 1;
        while (i < close) {
            int start = i;
            while (i < close && s.charAt(i) == '[') {
                i++;
            }
            if (i >= close) {
                return false;
            }
            if (s.charAt(i) == 'L') {
                int semi = s.indexOf(';', i);
                if (semi < 0 || semi > close) {
                    return false;
                }
                i = semi + 1;
            } else {
                i++;
            }
            if (!isFieldType(s.substring(start, i))) {
                return false;
            }
        }
        return true;
    }
}
