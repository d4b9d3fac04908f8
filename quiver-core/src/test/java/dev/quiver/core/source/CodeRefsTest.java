package dev.quiver.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeRefsTest {
    private static List<String> refs(String line) {
        return CodeRefs.of(line).stream().map(r -> r.kind() + " " + r.target() + " @" + r.start() + "-" + r.end()
                + " " + line.substring(r.start(), r.end())).toList();
    }

    @Test
    void methodsFieldsTypesAndStringsAreFound() {
        String call = "    invoke-virtual {p0, v1}, Lcom/a/B;->foo(ILjava/lang/String;)[Lcom/c/D;";
        assertThat(CodeRefs.of(call)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(CodeRefs.Kind.METHOD);
            assertThat(r.target()).isEqualTo("Lcom/a/B;->foo(ILjava/lang/String;)[Lcom/c/D;");
            assertThat(call.substring(r.start(), r.end())).isEqualTo(r.target());
        });
        assertThat(refs("    sget-object v0, Landroid/os/Build;->SERIAL:Ljava/lang/String;"))
                .containsExactly("FIELD Landroid/os/Build;->SERIAL:Ljava/lang/String; @20-65 Landroid/os/Build;->SERIAL:Ljava/lang/String;");
        assertThat(refs("    new-array v0, v1, [Lcom/a/B;")).containsExactly("TYPE Lcom/a/B; @23-32 Lcom/a/B;");
        assertThat(refs(".method public run(Lcom/a/B;I)V")).containsExactly("TYPE Lcom/a/B; @19-28 Lcom/a/B;");
        assertThat(refs("    invoke-static {}, [I->clone()Ljava/lang/Object;")).hasSize(1);
    }

    @Test
    void stringsAreUnescapedAsTheIndexStoresThem() {
        assertThat(CodeRefs.of("    const-string v0, \"a\\\"b\\n\\u00e9 # not a comment\" # comment Lx/Y;"))
                .singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(CodeRefs.Kind.STRING);
                    assertThat(r.target()).isEqualTo("a\"b\né # not a comment");
                });
        assertThat(CodeRefs.of("    const-string v0, \"broken \\q\"")).isEmpty();
        assertThat(CodeRefs.of("    const-string v0, \"unterminated")).isEmpty();
    }

    @Test
    void commentsHoldNoReferences() {
        assertThat(CodeRefs.of("    # Lcom/a/B;->foo()V")).isEmpty();
        assertThat(CodeRefs.of("    .line 12")).isEmpty();
    }

    @Test
    void hostileNamesAreReferencesLikeAnyOther() {
        assertThat(CodeRefs.of("    invoke-static {}, Lcom/evil/<script>x=1</script>;->p()V")).singleElement()
                .satisfies(r -> assertThat(r.target()).isEqualTo("Lcom/evil/<script>x=1</script>;->p()V"));
    }
}
