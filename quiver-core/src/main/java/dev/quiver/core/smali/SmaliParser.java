package dev.quiver.core.smali;

import dev.quiver.core.model.Call;
import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.Descriptors;
import dev.quiver.core.model.FieldAccess;
import dev.quiver.core.model.FieldDef;
import dev.quiver.core.model.FieldRef;
import dev.quiver.core.model.MethodDef;
import dev.quiver.core.model.MethodRef;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import dev.quiver.core.model.StringConst;
import dev.quiver.core.model.TypeRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one .smali file into a {@link ParsedUnit}.
 *
 * <p>A line scanner with block state, not a regex chain: each line is classified by its first token
 * only, so string contents ({@code "….class…"}) can never be mistaken for directives, and the
 * contents of annotation and payload blocks are skipped as blocks. Anything that is not valid smali
 * becomes a {@link Problem} with its line; parsing always goes on with the next line.
 *
 * <p>Thread-safe: all per-file state lives in a {@link FileState} created per call.
 */
public final class SmaliParser {
    private static final Set<String> OPCODES = loadOpcodes();

    private static final Set<String> TYPE_REF_OPS = Set.of(
            "new-instance", "const-class", "check-cast", "instance-of", "new-array",
            "filled-new-array", "filled-new-array/range");

    /** Parses {@code bytes} (the whole file) as smali. Never throws for bad input. */
    public ParsedUnit parse(String path, byte[] bytes) {
        FileState st = new FileState(path);
        if (indexOfNul(bytes) >= 0) {
            int line = lineOfOffset(bytes, indexOfNul(bytes));
            st.problem(Kind.BINARY, line, "binary file (NUL byte at line " + line + "); not parsed");
            return new ParsedUnit(path, bytes.length, 0, List.of(), st.problems);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            reportMalformedUtf8(st, bytes);
        }
        int lines = st.parse(text);
        return st.finish(bytes.length, lines);
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOfOffset(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** U+FFFD in the decoded text may be genuine; a strict decode tells, and where. */
    private static void reportMalformedUtf8(FileState st, byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            // Find the first bad byte by decoding prefixes line by line (rare path).
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    try {
                        strict.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                    } catch (CharacterCodingException bad) {
                        st.problem(Kind.ENCODING, line, "bytes that are not valid UTF-8 (first at line " + line
                                + "); decoded as U+FFFD and parsed");
                        return;
                    }
                    lineStart = i + 1;
                    line++;
                }
            }
            st.problem(Kind.ENCODING, 0, "bytes that are not valid UTF-8; decoded as U+FFFD and parsed");
        }
    }

    private static Set<String> loadOpcodes() {
        Set<String> set = new HashSet<>();
        try (InputStream in = SmaliParser.class.getResourceAsStream("opcodes.txt")) {
            if (in == null) {
                throw new IllegalStateException("opcodes.txt missing from the quiver-core jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                if (!l.isBlank()) {
                    set.add(l.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }

    /** What the scanner is inside of. */
    private enum Block { NONE, ANNOTATION, PAYLOAD, FIELD_VALUE }

    /** All state for one file. */
    private static final class FileState {
        final String path;
        final List<Problem> problems = new ArrayList<>();
        final List<ClassDef> classes = new ArrayList<>();

        // current line
        String text;
        int lineNo;
        int pos;   // cursor within the line
        int end;   // end of the line (exclusive, without \r)

        // class under construction
        String classDescriptor;
        String classFlags;
        int classLine;
        String superclass;
        String sourceFile;
        List<String> interfaces = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        List<FieldDef> fields = new ArrayList<>();
        List<MethodDef> methods = new ArrayList<>();
        /** Annotations after a .field: the field's if .end field follows, else the class's. */
        List<String> pendingFieldAnnotations;
        boolean inField;

        // method under construction
        boolean inMethod;
        String methodName;
        String methodDescriptor;
        String methodFlags;
        int methodLine;
        int registers;
        int locals;
        List<Call> calls;
        List<StringConst> strings;
        List<FieldAccess> fieldAccesses;
        List<TypeRef> typeRefs;

        // blocks
        Block block = Block.NONE;
        /** A field whose initial value spans lines (array or sub-annotation), while it is read. */
        FieldDef openField;
        StringBuilder openValue;
        int valueDepth;
        int blockStartLine;
        String payloadEnd;

        FileState(String path) {
            this.path = path;
        }

        void problem(Kind kind, int line, String message) {
            problems.add(new Problem(kind, path, line, message));
        }

        /** Scans all lines; returns the number of lines. */
        int parse(String t) {
            this.text = t;
            int n = t.length();
            int start = (n > 0 && t.charAt(0) == '\uFEFF') ? 1 : 0;
            int line = 0;
            while (start < n) {
                int nl = t.indexOf('\n', start);
                int lineEnd = nl < 0 ? n : nl;
                line++;
                int e = lineEnd;
                if (e > start && t.charAt(e - 1) == '\r') {
                    e--;
                }
                lineNo = line;
                end = e;
                pos = start;
                line(start);
                start = nl < 0 ? n : nl + 1;
            }
            return line;
        }

        ParsedUnit finish(long bytes, int lines) {
            if (block == Block.FIELD_VALUE) {
                problem(Kind.TRUNCATED, lines, "file ends inside the value of field " + openField.name()
                        + " started at line " + blockStartLine + "; the field is kept with the value read so far");
                closeFieldValue();
            } else if (block == Block.ANNOTATION) {
                problem(Kind.TRUNCATED, lines, "file ends inside the annotation started at line " + blockStartLine);
            } else if (block == Block.PAYLOAD) {
                problem(Kind.TRUNCATED, lines, "file ends inside the data block started at line " + blockStartLine);
            }
            if (inMethod) {
                problem(Kind.TRUNCATED, lines, "file ends inside method " + methodName + methodDescriptor
                        + " (started at line " + methodLine + "; no .end method); the method is kept");
                endMethod(lines);
            }
            endClass();
            if (classes.isEmpty() && problems.stream().noneMatch(p -> p.kind() == Kind.NO_CLASS)) {
                problem(Kind.NO_CLASS, 0, "no .class directive in this file");
            }
            return new ParsedUnit(path, bytes, lines, classes, problems);
        }

        // ---------------------------------------------------------------- lines

        private void line(int lineStart) {
            skipSpace();
            if (pos >= end) {
                return;
            }
            char c = text.charAt(pos);
            if (c == '#') {
                return;
            }
            if (block != Block.NONE && c == '.' && startsMemberOrClass()) {
                closeUnterminatedBlock();
            }
            if (block == Block.ANNOTATION) {
                annotationLine();
                return;
            }
            if (block == Block.PAYLOAD) {
                if (c == '.' && text.startsWith(payloadEnd, pos)) {
                    block = Block.NONE;
                }
                return;
            }
            if (block == Block.FIELD_VALUE) {
                fieldValueLine(text.substring(pos, end).strip());
                return;
            }
            if (c == '.') {
                directive();
            } else if (c == ':') {
                if (!inMethod) {
                    problem(Kind.MISPLACED, lineNo, "label outside a method: " + snippet());
                }
            } else {
                instruction();
            }
        }

        /**
         * A line that can only start a member or class ({@code .method}/{@code .field} definitions,
         * {@code .end method}, {@code .class}) — never a line of an annotation, payload or field value.
         * Encoded values such as {@code .method Lx;->m()V} or {@code .field Lx;->f:I} hold a reference.
         */
        private boolean startsMemberOrClass() {
            if (startsWithToken(".class")) {
                return true;
            }
            if (startsWithToken(".method") || startsWithToken(".field")) {
                return text.indexOf("->", pos) < 0 || text.indexOf("->", pos) >= end;
            }
            if (startsWithToken(".end")) {
                int save = pos;
                pos += 4;
                skipSpace();
                boolean endMethod = startsWithToken("method");
                pos = save;
                return endMethod;
            }
            return false;
        }

        /** A block that never got its end line: report it and go on as if it had ended here. */
        private void closeUnterminatedBlock() {
            String what = switch (block) {
                case ANNOTATION -> "annotation";
                case PAYLOAD -> "data block";
                default -> "value of field " + openField.name();
            };
            problem(Kind.TRUNCATED, blockStartLine, "the " + what + " started at line " + blockStartLine
                    + " has no end before line " + lineNo + "; it ends there");
            if (block == Block.FIELD_VALUE) {
                closeFieldValue();
            }
            block = Block.NONE;
        }

        /**
         * Inside an annotation only {@code .end annotation} matters: nested values are always
         * {@code .subannotation … .end subannotation}, which may open mid-line ({@code value = .subannotation}).
         */
        private void annotationLine() {
            if (text.charAt(pos) != '.' || !startsWithToken(".end")) {
                return;
            }
            int save = pos;
            pos += 4;
            skipSpace();
            if (startsWithToken("annotation")) {
                block = Block.NONE;
            }
            pos = save;
        }

        // ---------------------------------------------------------------- directives

        private void directive() {
            String name = token();
            switch (name) {
                case ".class" -> {
                    cutComment();
                    classDirective();
                }
                case ".super" -> {
                    cutComment();
                    if (requireClass(name)) {
                        superclass = ValueText.unquote(lastToken());
                    }
                }
                case ".implements" -> {
                    cutComment();
                    if (requireClass(name)) {
                        interfaces.add(ValueText.unquote(lastToken()));
                    }
                }
                case ".source" -> {
                    if (!inMethod && requireClass(name)) {
                        skipSpace();
                        sourceFile = pos < end && text.charAt(pos) == '"' ? stringLiteral() : rest();
                    }
                }
                case ".field" -> {
                    cutComment();
                    fieldDirective();
                }
                case ".method" -> {
                    cutComment();
                    methodDirective();
                }
                case ".annotation" -> {
                    cutComment();
                    annotationDirective();
                }
                case ".end" -> {
                    cutComment();
                    endDirective();
                }
                case ".registers", ".locals" -> {
                    cutComment();
                    countDirective(name);
                }
                case ".packed-switch", ".sparse-switch", ".array-data" -> {
                    requireMethod(name);
                    block = Block.PAYLOAD;
                    blockStartLine = lineNo;
                    payloadEnd = ".end " + name.substring(1);
                }
                case ".param", ".local", ".restart", ".line", ".prologue", ".epilogue", ".catch", ".catchall" ->
                        requireMethod(name);
                default -> problem(Kind.UNKNOWN_DIRECTIVE, lineNo, "unknown directive " + name + "; line skipped");
            }
        }

        private void classDirective() {
            if (classDescriptor != null) {
                problem(Kind.SYNTAX, lineNo, "a second .class directive in one file (the first is at line "
                        + classLine + "); parsed as a separate class");
                if (inMethod) {
                    problem(Kind.TRUNCATED, lineNo, "method " + methodName + methodDescriptor
                            + " has no .end method before the next .class; the method is kept");
                    endMethod(lineNo - 1);
                }
                endClass();
            }
            List<String> tokens = tokens();
            if (tokens.isEmpty()) {
                problem(Kind.SYNTAX, lineNo, ".class without a type descriptor");
                return;
            }
            String descriptor = ValueText.unquote(tokens.get(tokens.size() - 1));
            if (!Descriptors.isFieldType(descriptor)) {
                problem(Kind.SYNTAX, lineNo, ".class with an invalid type descriptor: " + descriptor);
            }
            classDescriptor = descriptor;
            classFlags = String.join(" ", tokens.subList(0, tokens.size() - 1));
            classLine = lineNo;
        }

        private void fieldDirective() {
            if (!requireClass(".field")) {
                return;
            }
            if (inMethod) {
                problem(Kind.MISPLACED, lineNo, ".field inside method " + methodName + "; skipped");
                return;
            }
            closeField();
            skipSpace();
            StringBuilder flags = new StringBuilder();
            while (pos < end) {
                int s = pos;
                String tok = token();
                int colon = tok.indexOf(':', tok.startsWith("`") ? Math.max(0, tok.indexOf('`', 1)) : 0);
                if (colon >= 0) {
                    if (colon == 0 || colon == tok.length() - 1) {
                        problem(Kind.SYNTAX, lineNo, "malformed field: " + snippetFrom(s));
                        return;
                    }
                    String value = null;
                    skipSpace();
                    if (pos < end && text.charAt(pos) == '=') {
                        pos++;
                        skipSpace();
                        value = text.substring(pos, end);
                    } else if (pos < end) {
                        problem(Kind.SYNTAX, lineNo, "unexpected text after field: " + snippet());
                    }
                    FieldDef field = new FieldDef(ValueText.unquote(tok.substring(0, colon)),
                            ValueText.unquote(tok.substring(colon + 1)),
                            flags.toString(), value, lineNo);
                    int depth = value == null ? 0 : valueDepth(value);
                    if (depth > 0) {
                        // baksmali writes array and annotation values over several lines.
                        block = Block.FIELD_VALUE;
                        blockStartLine = lineNo;
                        openField = field;
                        openValue = new StringBuilder(value);
                        valueDepth = depth;
                    } else {
                        fields.add(value == null ? field : withCanonicalValue(field, value));
                    }
                    inField = true;
                    pendingFieldAnnotations = null;
                    return;
                }
                if (flags.length() > 0) {
                    flags.append(' ');
                }
                flags.append(tok);
                skipSpace();
            }
            problem(Kind.SYNTAX, lineNo, ".field without name:type");
        }

        /** One more line of a multi-line field value. */
        private void fieldValueLine(String line) {
            if (line.isEmpty()) {
                return;
            }
            char last = openValue.charAt(openValue.length() - 1);
            if (last != '{' && line.charAt(0) != '}') {
                openValue.append(' ');
            }
            openValue.append(line);
            valueDepth += valueDepth(line);
            if (valueDepth <= 0) {
                closeFieldValue();
            }
        }

        private void closeFieldValue() {
            fields.add(withCanonicalValue(openField, openValue.toString()));
            block = Block.NONE;
            openField = null;
            openValue = null;
        }

        /** {@code field} with initial value {@code value} in the form the DEX path gives ({@link ValueText}). */
        private FieldDef withCanonicalValue(FieldDef field, String value) {
            String v = ValueText.canonical(value, 0, classDescriptor);
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
            closeField();
            if (inMethod) {
                problem(Kind.TRUNCATED, lineNo, "method " + methodName + methodDescriptor + " (line " + methodLine
                        + ") has no .end method before the next .method; the method is kept");
                endMethod(lineNo - 1);
            }
            List<String> tokens = tokens();
            int member = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).indexOf('(', nameEnd(tokens.get(i))) > 0) {
                    member = i;
                    break;
                }
            }
            String memberToken = member >= 0 ? tokens.get(member) : null;
            int open = memberToken == null ? -1 : memberToken.indexOf('(', nameEnd(memberToken));
            int close = memberToken == null ? -1 : memberToken.indexOf(')', open);
            if (member < 0 || close < 0 || close == memberToken.length() - 1 || member != tokens.size() - 1) {
                problem(Kind.SYNTAX, lineNo, "malformed .method (expected flags name(params)return): " + snippetLine());
                // Still open a method so its body does not turn into a cascade of misplaced instructions.
                memberToken = "<malformed@" + lineNo + ">()V";
                open = memberToken.indexOf('(');
                member = tokens.size();
            }
            inMethod = true;
            methodName = ValueText.unquote(memberToken.substring(0, open));
            methodDescriptor = ValueText.unquote(memberToken.substring(open));
            methodFlags = String.join(" ", tokens.subList(0, Math.min(member, tokens.size())));
            methodLine = lineNo;
            registers = -1;
            locals = -1;
            calls = new ArrayList<>();
            strings = new ArrayList<>();
            fieldAccesses = new ArrayList<>();
            typeRefs = new ArrayList<>();
        }

        private void annotationDirective() {
            block = Block.ANNOTATION;
            blockStartLine = lineNo;
            if (inMethod || classDescriptor == null) {
                if (classDescriptor == null) {
                    problem(Kind.MISPLACED, lineNo, ".annotation before .class; skipped");
                }
                return;
            }
            String type = ValueText.unquote(lastToken());
            if (inField) {
                if (pendingFieldAnnotations == null) {
                    pendingFieldAnnotations = new ArrayList<>();
                }
                pendingFieldAnnotations.add(type);
            } else {
                annotations.add(type);
            }
        }

        private void endDirective() {
            skipSpace();
            String what = token();
            switch (what) {
                case "method" -> {
                    if (!inMethod) {
                        problem(Kind.MISPLACED, lineNo, ".end method without .method");
                    } else {
                        endMethod(lineNo);
                    }
                }
                case "field" -> {
                    if (!inField) {
                        problem(Kind.MISPLACED, lineNo, ".end field without .field");
                    }
                    inField = false;
                    pendingFieldAnnotations = null; // they belonged to the field
                }
                case "param", "local" -> requireMethod(".end " + what);
                case "annotation", "subannotation" ->
                        problem(Kind.MISPLACED, lineNo, ".end " + what + " without ." + what);
                case "packed-switch", "sparse-switch", "array-data" ->
                        problem(Kind.MISPLACED, lineNo, ".end " + what + " without ." + what);
                default -> problem(Kind.UNKNOWN_DIRECTIVE, lineNo, "unknown directive .end " + what
                        + "; line skipped");
            }
        }

        private void countDirective(String name) {
            if (!requireMethod(name)) {
                return;
            }
            skipSpace();
            String n = token();
            int value;
            try {
                value = Integer.decode(n);
            } catch (NumberFormatException e) {
                problem(Kind.SYNTAX, lineNo, name + " needs a number, found '" + n + "'");
                return;
            }
            if (name.equals(".registers")) {
                registers = value;
            } else {
                locals = value;
            }
        }

        /** A directive that only makes sense inside a method; outside it is a problem. */
        private boolean requireMethod(String name) {
            if (!inMethod) {
                problem(Kind.MISPLACED, lineNo, name + " outside a method; skipped");
                return false;
            }
            return true;
        }

        private boolean requireClass(String name) {
            if (classDescriptor == null) {
                problem(Kind.MISPLACED, lineNo, name + " before .class; skipped");
                return false;
            }
            return true;
        }

        /** Annotations after a .field with no .end field were class annotations after all. */
        private void closeField() {
            if (pendingFieldAnnotations != null) {
                annotations.addAll(pendingFieldAnnotations);
                pendingFieldAnnotations = null;
            }
            inField = false;
        }

        private void endMethod(int lastLine) {
            // Fill both counts whichever directive the tree uses (.registers by default, .locals with apktool).
            if (registers >= 0 || locals >= 0) {
                boolean isStatic = (" " + methodFlags + " ").contains(" static ");
                int params = Descriptors.parameterRegisters(methodDescriptor, isStatic);
                if (registers < 0) {
                    registers = locals + params;
                } else if (locals < 0) {
                    locals = registers - params;
                }
            }
            methods.add(new MethodDef(methodName, methodDescriptor, methodFlags, registers, locals, methodLine,
                    lastLine, calls, strings, fieldAccesses, typeRefs));
            inMethod = false;
            calls = null;
            strings = null;
            fieldAccesses = null;
            typeRefs = null;
        }

        private void endClass() {
            closeField();
            if (classDescriptor == null) {
                return;
            }
            classes.add(new ClassDef(classDescriptor, classFlags, superclass, interfaces, sourceFile, annotations,
                    classLine, fields, methods));
            classDescriptor = null;
            classFlags = null;
            superclass = null;
            sourceFile = null;
            interfaces = new ArrayList<>();
            annotations = new ArrayList<>();
            fields = new ArrayList<>();
            methods = new ArrayList<>();
        }

        // ---------------------------------------------------------------- instructions

        private void instruction() {
            int opStart = pos;
            String op = token();
            if (!inMethod) {
                if (classDescriptor != null || OPCODES.contains(op)) {
                    problem(Kind.MISPLACED, lineNo, (OPCODES.contains(op) ? "instruction" : "text")
                            + " outside a method: " + snippetFrom(opStart) + "; skipped");
                } else {
                    problem(Kind.SYNTAX, lineNo, "not smali: " + snippetFrom(opStart));
                }
                return;
            }
            switch (op.charAt(0)) {
                case 'i' -> {
                    if (op.startsWith("invoke-")) {
                        invoke(op, opStart);
                        return;
                    }
                    if (op.startsWith("iget") || op.startsWith("iput")) {
                        fieldAccess(op, opStart);
                        return;
                    }
                }
                case 's' -> {
                    if (op.startsWith("sget") || op.startsWith("sput")) {
                        fieldAccess(op, opStart);
                        return;
                    }
                }
                case 'c' -> {
                    if (op.equals("const-string") || op.equals("const-string/jumbo")) {
                        constString(op, opStart);
                        return;
                    }
                }
                default -> {
                }
            }
            if (TYPE_REF_OPS.contains(op)) {
                typeRef(op, opStart);
            } else if (!OPCODES.contains(op)) {
                problem(Kind.SYNTAX, lineNo, "unknown instruction '" + op + "': " + snippetFrom(opStart));
            }
        }

        private void invoke(String op, int opStart) {
            if (!OPCODES.contains(op)) {
                problem(Kind.SYNTAX, lineNo, "unknown instruction '" + op + "': " + snippetFrom(opStart));
                return;
            }
            skipSpace();
            int open = pos;
            int close = open < end && text.charAt(open) == '{' ? text.indexOf('}', open) : -1;
            if (close < 0 || close >= end) {
                problem(Kind.SYNTAX, lineNo, "invoke without a {register list}: " + snippetFrom(opStart));
                return;
            }
            String regs = text.substring(open + 1, close).strip();
            pos = close + 1;
            skipSpace();
            if (pos < end && text.charAt(pos) == ',') {
                pos++;
            }
            skipSpace();
            String kind = op.substring("invoke-".length());
            int operands = pos;
            Call call = invokeTarget(kind, regs);
            if (call == null && hasComment()) { // rare: only then look for a trailing comment
                pos = operands;
                cutComment();
                call = invokeTarget(kind, regs);
            }
            if (call != null) {
                calls.add(call);
            } else if (kind.contains("-quick")) {
                problem(Kind.UNSUPPORTED, lineNo, op + " (odex) names a vtable offset, not a method; not recorded"
                        + " as a call: " + snippetFrom(opStart));
            } else {
                problem(Kind.SYNTAX, lineNo, "invoke without a valid method reference: " + snippetFrom(opStart));
            }
        }

        /** The call from the operands at {@code pos} (after the register list), or null if invalid. */
        private Call invokeTarget(String kind, String regs) {
            String rest = text.substring(pos, end).strip();
            MethodRef target;
            String extra = null;
            if (kind.startsWith("custom")) {
                int at = rest.lastIndexOf(")@");
                target = at < 0 ? null : methodRef(implicitOwner(rest.substring(at + 2).strip()));
                int open = rest.indexOf('(');
                extra = open < 0 ? rest : ValueText.canonical(rest, open + 1, classDescriptor);
            } else {
                int comma = rest.indexOf(',');
                if (comma >= 0) {
                    extra = ValueText.unquote(rest.substring(comma + 1).strip());
                    rest = rest.substring(0, comma).strip();
                }
                target = methodRef(implicitOwner(rest));
                if (extra != null && !Descriptors.isMethodDescriptor(extra)) {
                    return null; // a polymorphic call's prototype, or trailing text
                }
            }
            return target == null ? null : new Call(kind, target, regs, extra, lineNo);
        }

        /** Whether the current line holds a '#' at all (then it may end in a comment). */
        private boolean hasComment() {
            for (int i = pos; i < end; i++) {
                if (text.charAt(i) == '#') {
                    return true;
                }
            }
            return false;
        }

        private void fieldAccess(String op, int opStart) {
            if (!OPCODES.contains(op)) {
                problem(Kind.SYNTAX, lineNo, "unknown instruction '" + op + "': " + snippetFrom(opStart));
                return;
            }
            String operand = lastOperand();
            if (operand.indexOf("->") < 0 && hasComment()) {
                // An implicit reference (no class): a comment's last comma must not be taken for its start.
                cutComment();
                operand = lastOperand();
            }
            FieldRef ref = fieldRef(implicitOwner(operand));
            if (ref == null && hasComment()) {
                cutComment();
                ref = fieldRef(implicitOwner(lastOperand()));
            }
            if (ref == null) {
                if (op.endsWith("-quick")) {
                    problem(Kind.UNSUPPORTED, lineNo, op + " (odex) names a field offset, not a field; not recorded"
                            + " as a field access: " + snippetFrom(opStart));
                } else {
                    problem(Kind.SYNTAX, lineNo, op + " without a valid field reference: " + snippetFrom(opStart));
                }
                return;
            }
            fieldAccesses.add(new FieldAccess(op, ref, lineNo));
        }

        private void typeRef(String op, int opStart) {
            String type = ValueText.unquote(lastOperand());
            if (!Descriptors.isFieldType(type) && hasComment()) {
                cutComment();
                type = ValueText.unquote(lastOperand());
            }
            if (!Descriptors.isFieldType(type)) {
                problem(Kind.SYNTAX, lineNo, op + " without a valid type: " + snippetFrom(opStart));
                return;
            }
            typeRefs.add(new TypeRef(op, type, lineNo));
        }

        private void constString(String op, int opStart) {
            int quote = text.indexOf('"', pos);
            if (quote < 0 || quote >= end) {
                problem(Kind.SYNTAX, lineNo, op + " without a string literal: " + snippetFrom(opStart));
                return;
            }
            pos = quote;
            String value = stringLiteral();
            if (value == null) {
                return; // problem recorded
            }
            strings.add(new StringConst(value, op.endsWith("/jumbo"), lineNo));
        }

        /** A method reference with a valid owner type and descriptor (backticks dropped), or null. */
        private static MethodRef methodRef(String text) {
            MethodRef r = MethodRef.parse(ValueText.unquote(text));
            if (r == null || !Descriptors.isType(r.owner()) || r.owner().equals("V") || r.name().isEmpty()
                    || !Descriptors.isMethodDescriptor(r.descriptor())) {
                return null;
            }
            return r;
        }

        /** A field reference with a valid owner and field type (backticks dropped), or null. */
        private static FieldRef fieldRef(String text) {
            FieldRef r = FieldRef.parse(ValueText.unquote(text));
            if (r == null || !Descriptors.isType(r.owner()) || r.owner().equals("V") || r.name().isEmpty()
                    || !Descriptors.isFieldType(r.type())) {
                return null;
            }
            return r;
        }

        /**
         * baksmali {@code --implicit-references} writes a member of the current class without its class:
         * {@code foo(I)V}, {@code count:I} (and {@code ->foo(I)V} is accepted too).
         */
        private String implicitOwner(String ref) {
            if (classDescriptor == null) {
                return ref;
            }
            if (ref.startsWith("->")) {
                return classDescriptor + ref;
            }
            return ref.indexOf("->") < 0 ? classDescriptor + "->" + ref : ref;
        }

        // ---------------------------------------------------------------- tokens

        /**
         * Ends the current line at a {@code #} comment outside string and char literals
         * ({@code invoke-virtual {p0}, LA;->run()V  # note}). Only called for lines whose operands
         * are kept, so the other lines cost nothing. `Quoted` names need no skipping: DEX names never hold
         * {@code #} or quotes.
         */
        private void cutComment() {
            for (int i = pos; i < end; ) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '\'') {
                    i = ValueText.endOfQuoted(text, i, end);
                    continue;
                }
                if (ch == '#') {
                    int e = i;
                    while (e > pos && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
                        e--;
                    }
                    end = e;
                    return;
                }
                i++;
            }
        }

        /** Parses a smali string literal at {@code pos} (which is on the opening quote); null on error. */
        private String stringLiteral() {
            int start = pos;
            StringBuilder sb = null;
            int i = pos + 1;
            int runStart = i;
            while (i < end) {
                char c = text.charAt(i);
                if (c == '"') {
                    pos = i + 1;
                    if (sb == null) {
                        return text.substring(runStart, i);
                    }
                    sb.append(text, runStart, i);
                    return sb.toString();
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder(end - start);
                    }
                    sb.append(text, runStart, i);
                    if (i + 1 >= end) {
                        break;
                    }
                    char e = text.charAt(i + 1);
                    i += 2;
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case '0' -> sb.append('\0');
                        case '"', '\'', '\\' -> sb.append(e);
                        case 'u' -> {
                            if (i + 4 > end) {
                                problem(Kind.SYNTAX, lineNo, "truncated \\u escape in string: " + snippetFrom(start));
                                return null;
                            }
                            int cp = hex4(i);
                            if (cp < 0) {
                                problem(Kind.SYNTAX, lineNo, "invalid \\u escape in string: " + snippetFrom(start));
                                return null;
                            }
                            sb.append((char) cp);
                            i += 4;
                        }
                        default -> {
                            problem(Kind.SYNTAX, lineNo, "invalid escape \\" + e + " in string: "
                                    + snippetFrom(start));
                            return null;
                        }
                    }
                    runStart = i;
                    continue;
                }
                i++;
            }
            problem(Kind.SYNTAX, lineNo, "unterminated string literal: " + snippetFrom(start));
            return null;
        }

        private int hex4(int at) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(text.charAt(at + k), 16);
                if (d < 0) {
                    return -1;
                }
                v = v * 16 + d;
            }
            return v;
        }

        /** The text after the last comma of the line (the reference operand of an instruction). */
        private String lastOperand() {
            int comma = text.lastIndexOf(',', end - 1);
            int from = comma >= pos ? comma + 1 : pos;
            return text.substring(from, end).strip();
        }

        private void skipSpace() {
            while (pos < end) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t') {
                    break;
                }
                pos++;
            }
        }

        /** The next whitespace-delimited token (may be empty at end of line); `quoted names` stay whole. */
        private String token() {
            skipSpace();
            int s = pos;
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == '`') {
                    pos = ValueText.endOfQuoted(text, pos, end);
                    continue;
                }
                if (c == ' ' || c == '\t') {
                    break;
                }
                pos++;
            }
            return text.substring(s, pos);
        }

        private boolean startsWithToken(String t) {
            if (!text.startsWith(t, pos)) {
                return false;
            }
            int after = pos + t.length();
            return after >= end || text.charAt(after) == ' ' || text.charAt(after) == '\t';
        }

        private List<String> tokens() {
            List<String> out = new ArrayList<>(4);
            while (true) {
                String t = token();
                if (t.isEmpty()) {
                    return out;
                }
                out.add(t);
            }
        }

        private String lastToken() {
            List<String> t = tokens();
            if (t.isEmpty()) {
                problem(Kind.SYNTAX, lineNo, "directive without an argument");
                return "";
            }
            return t.get(t.size() - 1);
        }

        private String rest() {
            skipSpace();
            return text.substring(pos, end);
        }

        private String snippet() {
            return snippetFrom(pos);
        }

        private String snippetLine() {
            int s = text.lastIndexOf('\n', end - 1) + 1;
            return snippetFrom(s).strip();
        }

        /** At most 120 characters of the line from {@code from}, for messages. */
        private String snippetFrom(int from) {
            int e = Math.min(end, from + 120);
            return text.substring(from, e) + (e < end ? "…" : "");
        }
    }
}
