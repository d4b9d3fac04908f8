package dev.quiver.core.smali;

import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.FieldDef;
import dev.quiver.core.model.MethodDef;
import java.util.ArrayList;
import java.util.List;

/** The class under construction: its header, its members so far, and whether an annotation is its own or a field's. */
final class ClassBuilder {
    final String descriptor;
    final String flags;
    final int line;
    String superclass;
    String sourceFile;
    final List<String> interfaces = new ArrayList<>();
    final List<FieldDef> fields = new ArrayList<>();
    final List<MethodDef> methods = new ArrayList<>();
    private final List<String> annotations = new ArrayList<>();
    /** After a {@code .field}: an annotation may be the field's (if {@code .end field} follows) or the class's. */
    private boolean inField;
    private List<String> pendingFieldAnnotations;

    ClassBuilder(String descriptor, String flags, int line) {
        this.descriptor = descriptor;
        this.flags = flags;
        this.line = line;
    }

    /** An annotation of the class, or of the field just defined. */
    void annotation(String type) {
        if (inField) {
            if (pendingFieldAnnotations == null) {
                pendingFieldAnnotations = new ArrayList<>();
            }
            pendingFieldAnnotations.add(type);
        } else {
            annotations.add(type);
        }
    }

    /** A field was defined: annotations from here on may be its own. */
    void fieldDefined() {
        inField = true;
        pendingFieldAnnotations = null;
    }

    /** {@code .end field}: the annotations since the field were its own. False if no field was open. */
    boolean endField() {
        boolean open = inField;
        inField = false;
        pendingFieldAnnotations = null;
        return open;
    }

    /** Another member (or the class's end) follows with no {@code .end field}: those were class annotations. */
    void closeField() {
        if (pendingFieldAnnotations != null) {
            annotations.addAll(pendingFieldAnnotations);
            pendingFieldAnnotations = null;
        }
        inField = false;
    }

    ClassDef build() {
        closeField();
        return new ClassDef(descriptor, flags, superclass, interfaces, sourceFile, annotations, line, fields,
                methods);
    }
}
