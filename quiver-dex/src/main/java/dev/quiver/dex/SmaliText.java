package dev.quiver.dex;

import java.util.List;
import org.jf.dexlib2.ValueType;
import org.jf.dexlib2.formatter.DexFormatter;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.MethodProtoReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.value.ArrayEncodedValue;
import org.jf.dexlib2.iface.value.BooleanEncodedValue;
import org.jf.dexlib2.iface.value.ByteEncodedValue;
import org.jf.dexlib2.iface.value.CharEncodedValue;
import org.jf.dexlib2.iface.value.DoubleEncodedValue;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.EnumEncodedValue;
import org.jf.dexlib2.iface.value.FieldEncodedValue;
import org.jf.dexlib2.iface.value.FloatEncodedValue;
import org.jf.dexlib2.iface.value.IntEncodedValue;
import org.jf.dexlib2.iface.value.LongEncodedValue;
import org.jf.dexlib2.iface.value.MethodEncodedValue;
import org.jf.dexlib2.iface.value.MethodHandleEncodedValue;
import org.jf.dexlib2.iface.value.MethodTypeEncodedValue;
import org.jf.dexlib2.iface.value.ShortEncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;
import org.jf.dexlib2.iface.value.TypeEncodedValue;

/**
 * Text exactly as baksmali 2.5.2 writes it, for the pieces the smali parser keeps verbatim: register
 * lists, encoded values (field initial values, call-site arguments), prototypes and call sites. With these
 * the DEX path and the smali path store the same strings.
 */
final class SmaliText {
    private static final DexFormatter DEX = DexFormatter.INSTANCE;

    private SmaliText() {
    }

    /**
     * Names registers the way baksmali does by default: the last {@code parameterRegisters} of the
     * {@code registerCount} registers are {@code p0, p1, ...}, the others {@code v0, v1, ...}.
     */
    static String register(int register, int registerCount, int parameterRegisters) {
        int firstParameter = registerCount - parameterRegisters;
        return register >= firstParameter ? "p" + (register - firstParameter) : "v" + register;
    }

    /** A {@code /range} register list: {@code v0 .. v5}, or {@code p0 .. p2} when it starts at a parameter. */
    static String registerRange(int start, int count, int registerCount, int parameterRegisters) {
        if (count == 0) {
            return "";
        }
        int last = start + count - 1;
        if (start >= registerCount - parameterRegisters) {
            return register(start, registerCount, parameterRegisters) + " .. "
                    + register(last, registerCount, parameterRegisters);
        }
        return "v" + start + " .. v" + last;
    }

    /** {@code (ILjava/lang/String;)V}. */
    static String descriptor(List<? extends CharSequence> parameterTypes, String returnType) {
        StringBuilder sb = new StringBuilder("(");
        for (CharSequence p : parameterTypes) {
            sb.append(p);
        }
        return sb.append(')').append(returnType).toString();
    }

    static String proto(MethodProtoReference proto) {
        return descriptor(proto.getParameterTypes(), proto.getReturnType());
    }

    static String method(MethodReference m) {
        return m.getDefiningClass() + "->" + m.getName() + descriptor(m.getParameterTypes(), m.getReturnType());
    }

    /** {@code call_site_0("run", ()Ljava/lang/Runnable;, ...)@Ljava/lang/invoke/LambdaMetafactory;->metafactory(...)...}. */
    static String callSite(CallSiteReference site) {
        StringBuilder sb = new StringBuilder(site.getName()).append('(')
                .append(DEX.getQuotedString(site.getMethodName())).append(", ").append(proto(site.getMethodProto()));
        for (EncodedValue arg : site.getExtraArguments()) {
            sb.append(", ").append(value(arg));
        }
        return sb.append(")@").append(method((MethodReference) site.getMethodHandle().getMemberReference()))
                .toString();
    }

    /**
     * An encoded value as baksmali writes it after {@code .field ... =}: {@code 0x2a}, {@code -0x1t},
     * {@code 0x10L}, {@code 1.5f}, {@code 'a'}, {@code "text"}, {@code .enum Lx;->A:Lx;}, {@code null}, ...
     * Arrays and annotations, which baksmali spreads over several lines, are written on one line.
     */
    static String value(EncodedValue v) {
        return switch (v.getValueType()) {
            case ValueType.BOOLEAN -> Boolean.toString(((BooleanEncodedValue) v).getValue());
            case ValueType.BYTE -> integral(((ByteEncodedValue) v).getValue(), "t");
            case ValueType.SHORT -> integral(((ShortEncodedValue) v).getValue(), "s");
            case ValueType.CHAR -> character(((CharEncodedValue) v).getValue());
            case ValueType.INT -> integral(((IntEncodedValue) v).getValue(), "");
            case ValueType.LONG -> integral(((LongEncodedValue) v).getValue(), "L");
            case ValueType.FLOAT -> Float.toString(((FloatEncodedValue) v).getValue()) + "f";
            case ValueType.DOUBLE -> Double.toString(((DoubleEncodedValue) v).getValue());
            case ValueType.STRING -> DEX.getQuotedString(((StringEncodedValue) v).getValue());
            case ValueType.TYPE -> ((TypeEncodedValue) v).getValue();
            case ValueType.FIELD -> DEX.getFieldDescriptor(((FieldEncodedValue) v).getValue());
            case ValueType.ENUM -> ".enum " + DEX.getFieldDescriptor(((EnumEncodedValue) v).getValue());
            case ValueType.METHOD -> method(((MethodEncodedValue) v).getValue());
            case ValueType.METHOD_TYPE -> proto(((MethodTypeEncodedValue) v).getValue());
            case ValueType.METHOD_HANDLE -> DEX.getMethodHandle(((MethodHandleEncodedValue) v).getValue());
            case ValueType.ARRAY -> array((ArrayEncodedValue) v);
            case ValueType.NULL -> "null";
            default -> DEX.getEncodedValue(v); // annotations
        };
    }

    private static String array(ArrayEncodedValue array) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (EncodedValue e : array.getValue()) {
            sb.append(sep).append(value(e));
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    /** {@code 0x2a}, {@code -0x2a}, with baksmali's type suffix ({@code t}, {@code s}, {@code L} or none). */
    static String integral(long value, String suffix) {
        return (value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value)) + suffix;
    }

    /** {@code 'a'}, {@code '\''}, {@code '\n'}, {@code '\u00e9'}. */
    static String character(char c) {
        if (c >= ' ' && c < 0x7f) {
            return c == '\'' || c == '"' || c == '\\' ? "'\\" + c + "'" : "'" + c + "'";
        }
        return switch (c) {
            case '\n' -> "'\\n'";
            case '\r' -> "'\\r'";
            case '\t' -> "'\\t'";
            default -> String.format("'\\u%04x'", (int) c);
        };
    }
}
