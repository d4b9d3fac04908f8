package dev.quiver.core.model;

import java.util.List;

/**
 * A class definition as found in one source unit (a .smali file or a DEX class_def).
 *
 * @param descriptor  canonical type descriptor, {@code Lcom/a/B;}
 * @param flags       access flags as smali keywords in source order, space-separated ({@code public final})
 * @param superclass  {@code Ljava/lang/Object;}, or null when there is none
 * @param interfaces  implemented interfaces in declaration order
 * @param sourceFile  the {@code .source} value, or null
 * @param annotations class-level annotation type descriptors in declaration order
 * @param line        1-based line of the {@code .class} directive (0 for DEX input)
 */
public record ClassDef(
        String descriptor,
        String flags,
        String superclass,
        List<String> interfaces,
        String sourceFile,
        List<String> annotations,
        int line,
        List<FieldDef> fields,
        List<MethodDef> methods) {
    public ClassDef {
        interfaces = List.copyOf(interfaces);
        annotations = List.copyOf(annotations);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
    }
}
