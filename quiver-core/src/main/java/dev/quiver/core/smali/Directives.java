package dev.quiver.core.smali;

import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldDef;
import dev.quiver.core.model.Problem.Kind;
import java.util.List;

/**
 * The directive lines of one file ({@code .class}, {@code .super}, {@code .implements}, {@code .source},
 * {@code .field}, {@code .method}, {@code .annotation}, {@code .end} and those of method bodies), and the
 * blocks some of them open: annotations, data payloads, and field values written over several lines.
 */
final class Directives {
    /** What the scanner is inside of. */
    private enum Block { NONE, ANNOTATION, PAYLOAD, FIELD_VALUE }

    private final SmaliLine line;
    private final UnitBuilder unit;

    private Block block = Block.NONE;
    private int blockStartLine;
    /** The directive that ends the data block being skipped ({@code .end packed-switch}, …). */
    private String payloadEnd;
    /** A field whose initial value spans lines (array or sub-annotation), while it is read. */
    private FieldDef openField;
    private StringBuilder openValue;
    private int valueDepth;

    Directives(SmaliLine line, UnitBuilder unit) {
        this.line = line;
        this.unit = unit;
    }

    private void problem(Kind kind, String message) {
        unit.problem(kind, line.number(), message);
    }

    // ---------------------------------------------------------------- blocks

    /**
     * Reads the line (cursor on its first character {@code c}) if it lies inside an annotation, data block or
     * multi-line field value; false if it does not, or if it ends one that was never closed.
     */
    boolean blockLine(char c) {
        if (block == Block.NONE) {
            return false;
        }
        if (c == '.' && startsMemberOrClass()) {
            closeUnterminatedBlock();
            return false;
        }
        switch (block) {
            // Inside an annotation only .end annotation matters: nested values are always
            // .subannotation … .end subannotation, which may open mid-line (value = .subannotation).
            case ANNOTATION -> {
                if (c == '.' && line.startsWithTokens(".end", "annotation")) {
                    block = Block.NONE;
                }
            }
            case PAYLOAD -> {
                if (c == '.' && line.startsWith(payloadEnd)) {
                    block = Block.NONE;
                }
            }
            default -> fieldValueLine(line.rest().strip());
        }
        return true;
    }

    /**
     * A line that can only start a member or class ({@code .method}/{@code .field} definitions,
     * {@code .end method}, {@code .class}) — never a line of an annotation, payload or field value.
     * Encoded values such as {@code .method Lx;->m()V} or {@code .field Lx;->f:I} hold a reference.
     */
    private boolean startsMemberOrClass() {
        if (line.startsWithToken(".class")) {
            return true;
        }
        if (line.startsWithToken(".method") || line.startsWithToken(".field")) {
            return !line.contains("->");
        }
        return line.startsWithTokens(".end", "method");
    }

    /** A block that never got its end line: report it and go on as if it had ended here. */
    private void closeUnterminatedBlock() {
        String what = switch (block) {
            case ANNOTATION -> "annotation";
            case PAYLOAD -> "data block";
            default -> "value of field " + openField.name();
        };
        unit.problem(Kind.TRUNCATED, blockStartLine, "the " + what + " started at line " + blockStartLine
                + " has no end before line " + line.number() + "; it ends there");
        if (block == Block.FIELD_VALUE) {
            closeFieldValue();
        }
        block = Block.NONE;
    }

    /** The file ended after {@code lines} lines: a block still open is reported (a field value is kept). */
    void endOfFile(int lines) {
        if (block == Block.FIELD_VALUE) {
            unit.problem(Kind.TRUNCATED, lines, "file ends inside the value of field " + openField.name()
                    + " started at line " + blockStartLine + "; the field is kept with the value read so far");
            closeFieldValue();
        } else if (block == Block.ANNOTATION) {
            unit.problem(Kind.TRUNCATED, lines, "file ends inside the annotation started at line " + blockStartLine);
        } else if (block == Block.PAYLOAD) {
            unit.problem(Kind.TRUNCATED, lines, "file ends inside the data block started at line " + blockStartLine);
        }
    }

    // ---------------------------------------------------------------- directives

    /** A line starting with '.', outside any block. */
    void directive() {
        String name = line.token();
        switch (name) {
            case ".class" -> {
                line.cutComment();
                classDirective();
            }
            case ".super" -> {
                line.cutComment();
                if (requireClass(name)) {
                    unit.cls.superclass = ValueText.unquote(lastToken());
                }
            }
            case ".implements" -> {
                line.cutComment();
                if (requireClass(name)) {
                    unit.cls.interfaces.add(ValueText.unquote(lastToken()));
                }
            }
            case ".source" -> {
                if (unit.method == null && requireClass(name)) {
                    unit.cls.sourceFile = sourceFile();
                }
            }
            case ".field" -> {
                line.cutComment();
                fieldDirective();
            }
            case ".method" -> {
                line.cutComment();
                methodDirective();
            }
            case ".annotation" -> {
                line.cutComment();
                annotationDirective();
            }
            case ".end" -> {
                line.cutComment();
                endDirective();
            }
            case ".registers", ".locals" -> {
                line.cutComment();
                countDirective(name);
            }
            case ".packed-switch", ".sparse-switch", ".array-data" -> {
                requireMethod(name);
                block = Block.PAYLOAD;
                blockStartLine = line.number();
                payloadEnd = ".end " + name.substring(1);
            }
            case ".param", ".local", ".restart", ".line", ".prologue", ".epilogue", ".catch", ".catchall" ->
                    requireMethod(name);
            default -> problem(Kind.UNKNOWN_DIRECTIVE, "unknown directive " + name + "; line skipped");
        }
    }

    private void classDirective() {
        ClassBuilder previous = unit.cls;
        if (previous != null) {
            problem(Kind.SYNTAX, "a second .class directive in one file (the first is at line "
                    + previous.line + "); parsed as a separate class");
            MethodBuilder m = unit.method;
            if (m != null) {
                problem(Kind.TRUNCATED, "method " + m.name + m.descriptor
                        + " has no .end method before the next .class; the method is kept");
                unit.endMethod(line.number() - 1);
            }
            unit.endClass();
        }
        List<String> tokens = line.tokens();
        if (tokens.isEmpty()) {
            problem(Kind.SYNTAX, ".class without a type descriptor");
            return;
        }
        String descriptor = ValueText.unquote(tokens.get(tokens.size() - 1));
        if (!Descriptors.isFieldType(descriptor)) {
            problem(Kind.SYNTAX, ".class with an invalid type descriptor: " + descriptor);
        }
        unit.beginClass(descriptor, String.join(" ", tokens.subList(0, tokens.size() - 1)), line.number());
    }

    /** The file name of {@code .source}: a string literal (null if invalid, then reported), or the bare rest. */
    private String sourceFile() {
        line.skipSpace();
        if (line.atEnd() || line.peek() != '"') {
            return line.rest();
        }
        String name = line.stringLiteral();
        if (name == null) {
            problem(Kind.SYNTAX, line.error());
        }
        return name;
    }

    private void fieldDirective() {
        if (!requireClass(".field")) {
            return;
        }
        if (unit.method != null) {
            problem(Kind.MISPLACED, ".field inside method " + unit.method.name + "; skipped");
            return;
        }
        ClassBuilder cls = unit.cls;
        cls.closeField();
        line.skipSpace();
        StringBuilder flags = new StringBuilder();
        while (!line.atEnd()) {
            int s = line.pos();
            String tok = line.token();
            int colon = tok.indexOf(':', nameEnd(tok));
            if (colon >= 0) {
                if (colon == 0 || colon == tok.length() - 1) {
                    problem(Kind.SYNTAX, "malformed field: " + line.snippetFrom(s));
                    return;
                }
                String value = null;
                line.skipSpace();
                if (line.skip('=')) {
                    value = line.rest();
                } else if (!line.atEnd()) {
                    problem(Kind.SYNTAX, "unexpected text after field: " + line.snippet());
                }
                FieldDef field = new FieldDef(ValueText.unquote(tok.substring(0, colon)),
                        ValueText.unquote(tok.substring(colon + 1)),
                        flags.toString(), value, line.number());
                int depth = value == null ? 0 : valueDepth(value);
                if (depth > 0) {
                    // baksmali writes array and annotation values over several lines.
                    block = Block.FIELD_VALUE;
                    blockStartLine = line.number();
                    openField = field;
                    openValue = new StringBuilder(value);
                    valueDepth = depth;
                } else {
                    cls.fields.add(value == null ? field : withCanonicalValue(field, value));
                }
                cls.fieldDefined();
                return;
            }
            if (flags.length() > 0) {
                flags.append(' ');
            }
            flags.append(tok);
            line.skipSpace();
        }
        problem(Kind.SYNTAX, ".field without name:type");
    }

    /** One more line of a multi-line field value. */
    private void fieldValueLine(String text) {
        if (text.isEmpty()) {
            return;
        }
        char last = openValue.charAt(openValue.length() - 1);
        if (last != '{' && text.charAt(0) != '}') {
            openValue.append(' ');
        }
        openValue.append(text);
        valueDepth += valueDepth(text);
        if (valueDepth <= 0) {
            closeFieldValue();
        }
    }

    private void closeFieldValue() {
        unit.cls.fields.add(withCanonicalValue(openField, openValue.toString()));
        block = Block.NONE;
        openField = null;
        openValue = null;
    }

    /** {@code field} with initial value {@code value} in the form the DEX path gives ({@link ValueText}). */
    private FieldDef withCanonicalValue(FieldDef field, String value) {
        String v = ValueText.canonical(value, 0, unit.cls.descriptor);
        return v == field.initialValue() ? field
                : new FieldDef(field.name(), field.type(), field.flags(), v, field.line());
    }

    /** Where a member name ends inside a token: after its closing backtick if it is quoted. */
    private static int nameEnd(String token) {
        return token.startsWith("`") ? Math.max(0, token.indexOf('`', 1)) : 0;
    }

    /** Net nesting a value line opens: braces outside string and char literals, sub-annotations. */
    private static int valueDepth(String v) {
        int depth = 0;
        for (int i = 0, n = v.length(); i < n; ) {
            char ch = v.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = ValueText.endOfQuoted(v, i, n);
                continue;
            }
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
            }
            i++;
        }
        if (v.startsWith(".subannotation") || v.contains("= .subannotation")) {
            depth++;
        } else if (v.startsWith(".end subannotation")) {
            depth--;
        }
        return depth;
    }

    private void methodDirective() {
        if (!requireClass(".method")) {
            return;
        }
        unit.cls.closeField();
        MethodBuilder open = unit.method;
        if (open != null) {
            problem(Kind.TRUNCATED, "method " + open.name + open.descriptor + " (line " + open.line
                    + ") has no .end method before the next .method; the method is kept");
            unit.endMethod(line.number() - 1);
        }
        List<String> tokens = line.tokens();
        int member = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).indexOf('(', nameEnd(tokens.get(i))) > 0) {
                member = i;
                break;
            }
        }
        String memberToken = member >= 0 ? tokens.get(member) : null;
        int paren = memberToken == null ? -1 : memberToken.indexOf('(', nameEnd(memberToken));
        int close = memberToken == null ? -1 : memberToken.indexOf(')', paren);
        if (member < 0 || close < 0 || close == memberToken.length() - 1 || member != tokens.size() - 1) {
            problem(Kind.SYNTAX, "malformed .method (expected flags name(params)return): " + line.snippetLine());
            // Still open a method so its body does not turn into a cascade of misplaced instructions.
            memberToken = "<malformed@" + line.number() + ">()V";
            paren = memberToken.indexOf('(');
            member = tokens.size();
        }
        unit.beginMethod(ValueText.unquote(memberToken.substring(0, paren)),
                ValueText.unquote(memberToken.substring(paren)),
                String.join(" ", tokens.subList(0, Math.min(member, tokens.size()))), line.number());
    }

    private void annotationDirective() {
        block = Block.ANNOTATION;
        blockStartLine = line.number();
        if (unit.method != null || unit.cls == null) {
            if (unit.cls == null) {
                problem(Kind.MISPLACED, ".annotation before .class; skipped");
            }
            return;
        }
        unit.cls.annotation(ValueText.unquote(lastToken()));
    }

    private void endDirective() {
        String what = line.token();
        switch (what) {
            case "method" -> {
                if (unit.method == null) {
                    problem(Kind.MISPLACED, ".end method without .method");
                } else {
                    unit.endMethod(line.number());
                }
            }
            case "field" -> {
                if (unit.cls == null || !unit.cls.endField()) {
                    problem(Kind.MISPLACED, ".end field without .field");
                }
            }
            case "param", "local" -> requireMethod(".end " + what);
            case "annotation", "subannotation", "packed-switch", "sparse-switch", "array-data" ->
                    problem(Kind.MISPLACED, ".end " + what + " without ." + what);
            default -> problem(Kind.UNKNOWN_DIRECTIVE, "unknown directive .end " + what + "; line skipped");
        }
    }

    private void countDirective(String name) {
        if (!requireMethod(name)) {
            return;
        }
        String n = line.token();
        int value;
        try {
            value = Integer.decode(n);
        } catch (NumberFormatException e) {
            problem(Kind.SYNTAX, name + " needs a number, found '" + n + "'");
            return;
        }
        if (name.equals(".registers")) {
            unit.method.registers = value;
        } else {
            unit.method.locals = value;
        }
    }

    /** The last token of the directive's arguments; reported (and empty) if there is none. */
    private String lastToken() {
        List<String> t = line.tokens();
        if (t.isEmpty()) {
            problem(Kind.SYNTAX, "directive without an argument");
            return "";
        }
        return t.get(t.size() - 1);
    }

    /** A directive that only makes sense inside a method; outside it is a problem. */
    private boolean requireMethod(String name) {
        if (unit.method == null) {
            problem(Kind.MISPLACED, name + " outside a method; skipped");
            return false;
        }
        return true;
    }

    private boolean requireClass(String name) {
        if (unit.cls == null) {
            problem(Kind.MISPLACED, name + " before .class; skipped");
            return false;
        }
        return true;
    }
}
