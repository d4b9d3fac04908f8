package dev.quiver.core.smali;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.quiver.core.Fixtures;
import dev.quiver.core.model.Call;
import dev.quiver.core.model.ClassDef;
import dev.quiver.core.model.MethodDef;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.model.Problem.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmaliParserTest {
    private final SmaliParser parser = new SmaliParser();

    private ParsedUnit parse(String fixture) {
        return parser.parse(fixture + ".smali", Fixtures.smali(getClass(), fixture));
    }

    private static MethodDef method(ClassDef c, String name, String descriptor) {
        return c.methods().stream().filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor))
                .findFirst().orElseThrow(() -> new AssertionError("no method " + name + descriptor));
    }

    @Test
    void classHeaderInterfacesSourceAndAnnotations() {
        ParsedUnit u = parse("everything");
        assertThat(u.problems()).isEmpty();
        assertThat(u.classes()).hasSize(1);
        ClassDef c = u.classes().get(0);
        assertThat(c.descriptor()).isEqualTo("Lcom/example/Crypto;");
        assertThat(c.flags()).isEqualTo("public final");
        assertThat(c.superclass()).isEqualTo("Ljava/lang/Object;");
        assertThat(c.sourceFile()).isEqualTo("Crypto.java");
        assertThat(c.interfaces()).containsExactly("Ljava/lang/Runnable;", "Ljava/io/Serializable;");
        // The field annotation (before .end field) belongs to the field, not the class.
        assertThat(c.annotations()).containsExactly("Ldalvik/annotation/MemberClasses;", "Lkotlin/Metadata;");
        assertThat(c.line()).isEqualTo(1);
    }

    @Test
    void fieldsOfEveryTypeAreKeptWithValues() {
        ClassDef c = parse("everything").classes().get(0);
        assertThat(c.fields()).extracting("name", "type", "flags", "initialValue")
                .containsExactly(
                        tuple("SEP", "Ljava/lang/String;", "private static final", "\"a;b\""),
                        tuple("key", "[B", "private static", null),
                        tuple("counter", "I", "public static", "0x2a"),
                        tuple("name", "Ljava/lang/String;", "private", null),
                        tuple("matrix", "[[J", "private", null));
    }

    @Test
    void overloadsStayApartAndBodiesAreMeasured() {
        ClassDef c = parse("everything").classes().get(0);
        assertThat(c.methods()).extracting(m -> m.name() + m.descriptor())
                .containsExactly("<init>()V", "encrypt(Ljava/lang/String;)[B", "encrypt([B)[B", "run()V",
                        "nativeCall(I)I");
        MethodDef init = method(c, "<init>", "()V");
        assertThat(init.flags()).isEqualTo("public constructor");
        assertThat(init.registers()).isEqualTo(2);
        assertThat(init.locals()).isEqualTo(1); // 2 registers minus p0 (this)
        MethodDef enc = method(c, "encrypt", "(Ljava/lang/String;)[B");
        assertThat(enc.locals()).isEqualTo(3);
        assertThat(enc.registers()).isEqualTo(4); // static: .locals 3 + one parameter register
        assertThat(method(c, "run", "()V").registers()).isEqualTo(-1); // abstract: no body
        assertThat(enc.firstLine()).isLessThan(enc.lastLine());
        assertThat(method(c, "run", "()V").flags()).isEqualTo("public abstract");
        assertThat(method(c, "run", "()V").calls()).isEmpty();
    }

    @Test
    void everyInvokeKindWithTargetAndRegisters() {
        ClassDef c = parse("everything").classes().get(0);
        List<Call> calls = method(c, "encrypt", "([B)[B").calls();
        assertThat(calls).extracting(Call::kind).containsExactly("static/range", "interface", "super", "polymorphic",
                "custom");
        assertThat(calls.get(0).target().toString()).isEqualTo("Lcom/example/Crypto;->encrypt(Ljava/lang/String;)[B");
        assertThat(calls.get(0).registers()).isEqualTo("p0 .. p0");
        assertThat(calls.get(3).target().toString())
                .isEqualTo("Ljava/lang/invoke/MethodHandle;->invoke([Ljava/lang/Object;)Ljava/lang/Object;");
        assertThat(calls.get(3).extra()).isEqualTo("(I)V");
        assertThat(calls.get(4).target().owner()).isEqualTo("Ljava/lang/invoke/LambdaMetafactory;");
        assertThat(calls.get(4).target().name()).isEqualTo("metafactory");
        assertThat(calls.get(4).extra()).startsWith("call_site_0(\"run\"");
        List<Call> other = method(c, "encrypt", "(Ljava/lang/String;)[B").calls();
        assertThat(other).extracting(k -> k.kind() + " " + k.target() + " {" + k.registers() + "}").containsExactly(
                "virtual Ljava/lang/String;->getBytes()[B {p0}",
                "static Lcom/example/Crypto;->xor([B[B)[B {v1, v2}");
    }

    @Test
    void stringsAreUnescapedAndKeywordsInsideThemAreJustText() {
        ParsedUnit u = parse("everything");
        ClassDef c = u.classes().get(0);
        assertThat(method(c, "<init>", "()V").strings()).extracting("value", "jumbo").containsExactly(
                tuple(".class Lcom/fake/Injected;", false),
                tuple("jumbo \"quoted\" \\ \u00e9\n.method fake()V", true));
        // No bogus class from the string or from the annotation that mentions ".class".
        assertThat(u.classes()).extracting(ClassDef::descriptor).containsExactly("Lcom/example/Crypto;");
    }

    @Test
    void fieldAccessesAndTypeReferences() {
        ClassDef c = parse("everything").classes().get(0);
        assertThat(method(c, "<init>", "()V").fieldAccesses()).extracting(f -> f.kind() + " " + f.target())
                .containsExactly("iput-object Lcom/example/Crypto;->name:Ljava/lang/String;");
        assertThat(method(c, "encrypt", "([B)[B").fieldAccesses()).extracting(f -> f.kind() + " " + f.target())
                .containsExactly("sput Lcom/example/Crypto;->counter:I", "iget-wide Lcom/example/Other;->big:J");
        assertThat(method(c, "encrypt", "(Ljava/lang/String;)[B").typeRefs()).extracting(t -> t.kind() + " " + t.type())
                .containsExactly("new-instance Ljava/lang/StringBuilder;", "check-cast [B");
        assertThat(method(c, "encrypt", "([B)[B").typeRefs()).extracting(t -> t.kind() + " " + t.type())
                .containsExactly("const-class Lcom/example/Crypto;", "instance-of Ljava/lang/Runnable;",
                        "new-array [I", "filled-new-array [I", "filled-new-array/range [Ljava/lang/String;");
    }

    @Test
    void lineNumbersPointAtTheInstruction() {
        byte[] src = Fixtures.smali(getClass(), "everything");
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        ClassDef c = parser.parse("x", src).classes().get(0);
        for (MethodDef m : c.methods()) {
            assertThat(lines[m.firstLine() - 1]).startsWith(".method");
            assertThat(lines[m.lastLine() - 1]).isEqualTo(".end method");
            m.calls().forEach(k -> assertThat(lines[k.line() - 1]).contains("invoke-" + k.kind() + " "));
            m.strings().forEach(s -> assertThat(lines[s.line() - 1]).contains("const-string"));
        }
        c.fields().forEach(f -> assertThat(lines[f.line() - 1]).startsWith(".field").contains(f.name()));
    }

    @Test
    void crlfAndBomAreHandled() {
        ParsedUnit u = parse("crlf-bom");
        assertThat(u.problems()).isEmpty();
        ClassDef c = u.classes().get(0);
        assertThat(c.descriptor()).isEqualTo("Lcom/example/Crlf;");
        assertThat(c.superclass()).isEqualTo("Ljava/lang/Object;");
        MethodDef m = c.methods().get(0);
        assertThat(m.descriptor()).isEqualTo("()V");
        assertThat(m.calls().get(0).target().descriptor()).isEqualTo("()V");
        assertThat(m.strings().get(0).value()).isEqualTo("crlf");
    }

    @Test
    void nonAsciiAndObfuscatedNames() {
        ParsedUnit u = parse("unicode-names");
        assertThat(u.problems()).isEmpty();
        ClassDef c = u.classes().get(0);
        assertThat(c.descriptor()).isEqualTo("Lcom/例え/Ωmega$ß;");
        assertThat(c.fields().get(0).name()).isEqualTo("名前");
        assertThat(c.methods().get(0).ref(c.descriptor()).toString()).isEqualTo("Lcom/例え/Ωmega$ß;->実行(Lcom/例え/Ωmega$ß;)V");
        assertThat(c.methods().get(0).strings().get(0).value()).isEqualTo("日本語 ünïcödé 🎉");
    }

    @Test
    void invokeBeforeMethodIsAProblemNotACrash() {
        ParsedUnit u = parse("hostile");
        assertThat(u.problems()).extracting(Problem::kind, Problem::line).contains(tuple(Kind.MISPLACED, 1));
        assertThat(u.classes()).hasSize(1);
    }

    @Test
    void hostileLinesBecomeProblemsAndTheRestIsKept() {
        ParsedUnit u = parse("hostile");
        assertThat(u.problems()).extracting(Problem::kind, Problem::line).containsExactly(
                tuple(Kind.MISPLACED, 1),          // invoke before .class
                tuple(Kind.UNKNOWN_DIRECTIVE, 5),  // .frobnicate
                tuple(Kind.MISPLACED, 7),          // const-string outside a method
                tuple(Kind.SYNTAX, 11),            // "this is not smali"
                tuple(Kind.SYNTAX, 12),            // unterminated string
                tuple(Kind.SYNTAX, 13),            // invoke without a method reference
                tuple(Kind.UNKNOWN_DIRECTIVE, 14), // .weird
                tuple(Kind.MISPLACED, 18),         // .end method without .method
                tuple(Kind.TRUNCATED, 22));        // file ends inside lost()
        assertThat(u.problems()).allSatisfy(p -> assertThat(p.path()).isEqualTo("hostile.smali"));
        ClassDef c = u.classes().get(0);
        assertThat(c.methods()).extracting(MethodDef::name).containsExactly("ok", "lost");
        assertThat(c.methods().get(1).calls()).hasSize(1);
        assertThat(c.methods().get(1).lastLine()).isEqualTo(22);
    }

    @Test
    void binaryFileIsReportedNotParsed() {
        byte[] bin = {'.', 'c', 'l', 'a', 's', 's', ' ', 0, 1, 2, '\n', 'x'};
        ParsedUnit u = parser.parse("b.smali", bin);
        assertThat(u.classes()).isEmpty();
        assertThat(u.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.BINARY);
            assertThat(p.message()).contains("binary");
        });
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndStillParsed() {
        byte[] src = (".class public La;\n.super Ljava/lang/Object;\n.method public m()V\n"
                + "    const-string v0, \"X\"\n    return-void\n.end method\n").getBytes(StandardCharsets.UTF_8);
        int x = new String(src, StandardCharsets.ISO_8859_1).indexOf('X');
        src[x] = (byte) 0xC3; // a lone lead byte
        ParsedUnit u = parser.parse("e.smali", src);
        assertThat(u.problems()).extracting(Problem::kind, Problem::line).containsExactly(tuple(Kind.ENCODING, 4));
        assertThat(u.classes().get(0).methods().get(0).strings().get(0).value()).isEqualTo("\uFFFD");
    }

    @Test
    void extremelyLongLinesAreFine() {
        String big = "A".repeat(5_000_000);
        byte[] src = (".class public La;\n.super Ljava/lang/Object;\n.method public m()V\n    const-string v0, \""
                + big + "\"\n    return-void\n.end method\n").getBytes(StandardCharsets.UTF_8);
        ParsedUnit u = parser.parse("long.smali", src);
        assertThat(u.problems()).isEmpty();
        assertThat(u.classes().get(0).methods().get(0).strings().get(0).value()).hasSize(5_000_000);
    }

    @Test
    void fileWithoutClassIsAProblem() {
        ParsedUnit u = parser.parse("empty.smali", "# nothing here\n".getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).extracting(Problem::kind).containsExactly(Kind.NO_CLASS);
    }

    @Test
    void truncatedAnnotationIsReported() {
        ParsedUnit u = parser.parse("t.smali",
                ".class public La;\n.super Ljava/lang/Object;\n.annotation runtime Lx;\n  value = 1\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).extracting(Problem::kind).containsExactly(Kind.TRUNCATED);
        assertThat(u.classes()).hasSize(1);
    }

    @Test
    void multiLineFieldValuesAreOneValueNotMisplacedLines() {
        String src = ".class public La;\n.super Ljava/lang/Object;\n"
                + ".field public static final ARR:[I = {\n    0x1,\n    0x2\n}\n\n"
                + ".field public static final NESTED:[[Ljava/lang/String; = {\n    {\n        \"}{\",\n"
                + "        \"b\"\n    },\n    {}\n}\n"
                + ".field public static final ANNO:Lx/Anno; = .subannotation Lx/Anno;\n    value = \"v\"\n"
                + ".end subannotation\n"
                + ".field public static final AFTER:I = 0x3\n";
        ParsedUnit u = parser.parse("v.smali", src.getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).isEmpty();
        assertThat(u.classes().get(0).fields()).extracting("name", "initialValue", "line").containsExactly(
                tuple("ARR", "{0x1, 0x2}", 3),
                tuple("NESTED", "{{\"}{\", \"b\"}, {}}", 8),
                tuple("ANNO", ".subannotation Lx/Anno; value = \"v\" .end subannotation", 15),
                tuple("AFTER", "0x3", 18));
    }

    @Test
    void truncatedMultiLineFieldValueKeepsTheField() {
        String src = ".class public La;\n.super Ljava/lang/Object;\n.field public static X:[I = {\n    0x1,\n";
        ParsedUnit u = parser.parse("t.smali", src.getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).extracting(Problem::kind).containsExactly(Kind.TRUNCATED);
        assertThat(u.classes().get(0).fields()).extracting("initialValue").containsExactly("{0x1,");
    }

    @Test
    void implicitReferencesMeanTheCurrentClass() {
        String src = ".class public Lcom/A;\n.super Ljava/lang/Object;\n.method public m()V\n  .registers 2\n"
                + "  invoke-direct {p0}, ->helper(I)V\n  iget v0, p0, ->count:I\n  return-void\n.end method\n";
        ParsedUnit u = parser.parse("i.smali", src.getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).isEmpty();
        MethodDef m = u.classes().get(0).methods().get(0);
        assertThat(m.calls().get(0).target().toString()).isEqualTo("Lcom/A;->helper(I)V");
        assertThat(m.fieldAccesses().get(0).target().toString()).isEqualTo("Lcom/A;->count:I");
    }

    @Test
    void implicitReferencesAsBaksmaliWritesThemHaveNoClassAndNoArrow() {
        String src = ".class public Lcom/A;\n.super Ljava/lang/Object;\n"
                + ".field static final E:Lcom/A; = .enum ONE:Lcom/A;\n"
                + ".field static final S:Ljava/lang/String; = \"x:I, y()V\"\n"
                + ".method public m()V\n  .registers 2\n"
                + "  invoke-direct {p0}, <init>()V\n  iget v0, p0, count:I # see Lcom/B;->f(), g:I\n"
                + "  invoke-custom {p0}, call_site_0(\"run\", ()V, invoke-static@h()V)@boot()Ljava/lang/Object;\n"
                + "  return-void\n.end method\n";
        ParsedUnit u = parser.parse("i.smali", src.getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).isEmpty();
        assertThat(u.classes().get(0).fields()).extracting("initialValue")
                .containsExactly(".enum Lcom/A;->ONE:Lcom/A;", "\"x:I, y()V\"");
        MethodDef m = u.classes().get(0).methods().get(0);
        assertThat(m.calls()).extracting(c -> c.target().toString())
                .containsExactly("Lcom/A;-><init>()V", "Lcom/A;->boot()Ljava/lang/Object;");
        assertThat(m.calls().get(1).extra())
                .isEqualTo("call_site_0(\"run\", ()V, invoke-static@Lcom/A;->h()V)@Lcom/A;->boot()Ljava/lang/Object;");
        assertThat(m.fieldAccesses().get(0).target().toString()).isEqualTo("Lcom/A;->count:I");
    }

    @Test
    void odexQuickInstructionsAreReportedAsUnsupported() {
        String src = ".class public Lcom/A;\n.super Ljava/lang/Object;\n.method public m()V\n  .registers 2\n"
                + "  invoke-virtual-quick {p0}, vtable@0x12\n  iget-quick v0, p0, field@0x8\n  return-void\n"
                + ".end method\n";
        ParsedUnit u = parser.parse("q.smali", src.getBytes(StandardCharsets.UTF_8));
        assertThat(u.problems()).extracting(Problem::kind, Problem::line)
                .containsExactly(tuple(Kind.UNSUPPORTED, 5), tuple(Kind.UNSUPPORTED, 6));
        assertThat(u.problems().get(0).message()).contains("vtable offset");
    }

    private ParsedUnit parseText(String src) {
        return parser.parse("t.smali", src.getBytes(StandardCharsets.UTF_8));
    }

    private static final String HEAD = ".class public LB;\n.super Ljava/lang/Object;\n";

    @Test
    void unclosedBlocksEndAtTheNextMemberAndNothingAfterIsLost() {
        String src = HEAD
                + ".annotation runtime LAnno;\n    value = 1\n"                        // no .end annotation
                + ".field public f:I\n"
                + ".method public a()V\n    .registers 2\n    fill-array-data v0, :arr\n"
                + "    :arr\n    .array-data 4\n        0x1\n"                              // no .end array-data
                + ".end method\n"
                + ".field public static V:[Ljava/lang/String; = {\n    \"x\",\n"          // no closing }
                + ".method public b()V\n    .registers 2\n    const-string v0, \"kept\"\n"
                + "    invoke-virtual {p0}, LB;->a()V\n    return-void\n.end method\n";
        ParsedUnit u = parseText(src);
        ClassDef c = u.classes().get(0);
        assertThat(c.annotations()).containsExactly("LAnno;");
        assertThat(c.fields()).extracting("name", "initialValue")
                .containsExactly(tuple("f", null), tuple("V", "{\"x\","));
        assertThat(c.methods()).extracting(MethodDef::name).containsExactly("a", "b");
        assertThat(c.methods().get(1).strings()).extracting("value").containsExactly("kept");
        assertThat(c.methods().get(1).calls()).hasSize(1);
        assertThat(u.problems()).extracting(Problem::kind, Problem::line)
                .containsExactly(tuple(Kind.TRUNCATED, 3), tuple(Kind.TRUNCATED, 10), tuple(Kind.TRUNCATED, 13));
    }

    @Test
    void encodedMethodAndFieldValuesInsideAnnotationsAreNotDefinitions() {
        String src = HEAD + ".annotation runtime LAnno;\n    value = {\n        .method LB;->a()V,\n"
                + "        .field LB;->f:I\n    }\n.end annotation\n.method public a()V\n    .registers 1\n"
                + "    return-void\n.end method\n";
        ParsedUnit u = parseText(src);
        assertThat(u.problems()).isEmpty();
        assertThat(u.classes().get(0).methods()).extracting(MethodDef::name).containsExactly("a");
    }

    @Test
    void trailingCommentsAndCommasWithoutSpacesAreHandled() {
        String src = ".class public LB; # the class\n.super Ljava/lang/Object;  # another\n"
                + ".implements Ljava/lang/Runnable; # iface\n.field private x:I # a field\n"
                + ".method public run()V # c\n    .registers 3 # r\n"
                + "    invoke-virtual {p0},LB;->run()V  # call run\n"
                + "    sget-object v0, LB;->s:Ljava/lang/String; # read\n"
                + "    iget v0,p0,LB;->x:I\n    check-cast v0,Ljava/lang/String; # cast\n"
                + "    const-string v1, \"# not a comment\" # but this is\n    return-void\n.end method\n";
        ParsedUnit u = parseText(src);
        assertThat(u.problems()).isEmpty();
        ClassDef c = u.classes().get(0);
        assertThat(c.descriptor()).isEqualTo("LB;");
        assertThat(c.superclass()).isEqualTo("Ljava/lang/Object;");
        assertThat(c.interfaces()).containsExactly("Ljava/lang/Runnable;");
        assertThat(c.fields().get(0).type()).isEqualTo("I");
        MethodDef m = c.methods().get(0);
        assertThat(m.name()).isEqualTo("run");
        assertThat(m.registers()).isEqualTo(3);
        assertThat(m.calls().get(0).target().toString()).isEqualTo("LB;->run()V");
        assertThat(m.fieldAccesses()).extracting(f -> f.target().toString())
                .containsExactly("LB;->s:Ljava/lang/String;", "LB;->x:I");
        assertThat(m.typeRefs().get(0).type()).isEqualTo("Ljava/lang/String;");
        assertThat(m.strings().get(0).value()).isEqualTo("# not a comment");
    }

    @Test
    void invalidReferencesAreSyntaxProblemsNotRows() {
        String src = HEAD + ".method public m()V\n    .registers 2\n"
                + "    invoke-virtual {p0}, notatype->run()V\n"
                + "    invoke-virtual {p0}, LB;->run(Q)V\n"
                + "    iget v0, p0, LB;->x:V\n"
                + "    return-void\n.end method\n";
        ParsedUnit u = parseText(src);
        assertThat(u.problems()).extracting(Problem::kind, Problem::line)
                .containsExactly(tuple(Kind.SYNTAX, 5), tuple(Kind.SYNTAX, 6), tuple(Kind.SYNTAX, 7));
        assertThat(u.classes().get(0).methods().get(0).calls()).isEmpty();
    }

    @Test
    void backtickQuotedNamesWithSpaces() {
        String src = HEAD + ".field private `a b`:I\n.method public `hello world`(I)V\n    .registers 2\n"
                + "    invoke-virtual {p0, p1}, LB;->`hello world`(I)V\n    iget v0, p0, LB;->`a b`:I\n"
                + "    return-void\n.end method\n";
        ParsedUnit u = parseText(src);
        assertThat(u.problems()).isEmpty();
        ClassDef c = u.classes().get(0);
        assertThat(c.fields().get(0).name()).isEqualTo("a b");
        assertThat(c.fields().get(0).flags()).isEqualTo("private");
        MethodDef m = c.methods().get(0);
        assertThat(m.name()).isEqualTo("hello world");
        assertThat(m.calls().get(0).target().name()).isEqualTo("hello world");
        assertThat(m.fieldAccesses().get(0).target().name()).isEqualTo("a b");
    }

    @Test
    void registersAndLocalsAreBothFilledWhicheverDirectiveIsUsed() {
        String src = HEAD + ".method public static s(JI[DLjava/lang/String;)V\n    .locals 2\n    return-void\n"
                + ".end method\n.method public v(JD)V\n    .registers 7\n    return-void\n.end method\n";
        List<MethodDef> ms = parseText(src).classes().get(0).methods();
        assertThat(ms).extracting(MethodDef::registers, MethodDef::locals)
                .containsExactly(tuple(2 + 2 + 1 + 1 + 1, 2), tuple(7, 7 - 1 - 2 - 2));
    }
}
