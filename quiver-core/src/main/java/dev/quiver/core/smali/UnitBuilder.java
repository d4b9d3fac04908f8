package dev.quiver.core.smali;

import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import java.util.ArrayList;
import java.util.List;

/** The {@link ParsedUnit} of one file as it is read: its problems, its classes, and what is under construction. */
final class UnitBuilder {
    private final String path;
    private final List<Problem> problems = new ArrayList<>();
    private final List<ClassDef> classes = new ArrayList<>();
    /** The class under construction; null before the first {@code .class} (or after one without a type). */
    ClassBuilder cls;
    /** The method under construction; null outside a method, and only ever set while {@link #cls} is. */
    MethodBuilder method;

    UnitBuilder(String path) {
        this.path = path;
    }

    void problem(Kind kind, int line, String message) {
        problems.add(new Problem(kind, path, line, message));
    }

    void beginClass(String descriptor, String flags, int line) {
        cls = new ClassBuilder(descriptor, flags, line);
    }

    /** Ends the class under construction, if any (its method must have ended). */
    void endClass() {
        if (cls != null) {
            classes.add(cls.build());
            cls = null;
        }
    }

    void beginMethod(String name, String descriptor, String flags, int line) {
        method = new MethodBuilder(name, descriptor, flags, line);
    }

    void endMethod(int lastLine) {
        cls.methods.add(method.build(lastLine));
        method = null;
    }

    /** The unit, after the last of its {@code lines}: what is still open ends there. */
    ParsedUnit finish(long bytes, int lines) {
        if (method != null) {
            problem(Kind.TRUNCATED, lines, "file ends inside method " + method.name + method.descriptor
                    + " (started at line " + method.line + "; no .end method); the method is kept");
            endMethod(lines);
        }
        endClass();
        if (classes.isEmpty() && problems.stream().noneMatch(p -> p.kind() == Kind.NO_CLASS)) {
            problem(Kind.NO_CLASS, 0, "no .class directive in this file");
        }
        return new ParsedUnit(path, bytes, lines, classes, problems);
    }
}
