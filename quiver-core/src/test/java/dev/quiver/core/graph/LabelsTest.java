package dev.quiver.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Short labels: descriptors read as Java, members, and look-alike nodes told apart. */
class LabelsTest {
    @Test
    void descriptorsReadAsJava() {
        assertThat(Labels.javaType("I", false)).isEqualTo("int");
        assertThat(Labels.javaType("[[J", false)).isEqualTo("long[][]");
        assertThat(Labels.javaType("Ljava/lang/String;", false)).isEqualTo("String");
        assertThat(Labels.javaType("[Ljava/lang/String;", true)).isEqualTo("java.lang.String[]");
        assertThat(Labels.javaType("LNoPackage;", true)).isEqualTo("NoPackage");
        assertThat(Labels.javaType("Lcom/a/B$C;", false)).isEqualTo("B$C");
        assertThat(Labels.javaType("Q", false)).isEqualTo("Q");
        assertThat(Labels.packageName("Lcom/a/B;")).isEqualTo("com.a");
        assertThat(Labels.packageName("[Ljava/lang/Object;")).isEqualTo("java.lang");
        assertThat(Labels.packageName("LB;")).isEmpty();
        assertThat(Labels.packageName("[I")).isEmpty();
    }

    @Test
    void methodLabelsAreShortAndMalformedDescriptorsShowAsTheyAre() {
        assertThat(Labels.label("Lcom/a/B;->foo(I[BLjava/lang/String;)V", 0)).isEqualTo("B.foo(int, byte[], String)");
        assertThat(Labels.label("[Ljava/lang/Object;->clone()Ljava/lang/Object;", 0)).isEqualTo("Object[].clone()");
        assertThat(Labels.label("Lcom/a/B;-><init>()V", 1)).isEqualTo("B.<init>(): void");
        assertThat(Labels.label("Lcom/a/B;->foo(Lcom/x/C;)Lcom/y/D;", 2)).isEqualTo("B.foo(com.x.C): com.y.D");
        assertThat(Labels.label("Lcom/a/B;->foo(Lbroken)V", 0)).isEqualTo("B.foo(Lbroken)V");
        assertThat(Labels.label("Lcom/a/B;->" + "x".repeat(200) + "()V", 0)).hasSize(Labels.MAX).endsWith("…");
    }

    @Test
    void lookAlikeNodesInOnePackageGetLongerLabelsThenNumbers() {
        Graph g = new Graph(Graph.Kind.CALLS, "t", List.of(), List.of(
                node("Lcom/a/B;->f(Lcom/x/M;)V"), node("Lcom/a/B;->f(Lcom/y/M;)V"),
                node("Lcom/a/B;->g(I)I"), node("Lcom/a/B;->g(I)J"),
                node("Lcom/a/B;->h()V"), node("Lcom/b/B;->h()V"),
                node("Lcom/a/B;->" + "z".repeat(100) + "1()V"), node("Lcom/a/B;->" + "z".repeat(100) + "2()V")),
                List.of());
        Map<String, String> labels = Labels.of(g);
        assertThat(labels).containsEntry("Lcom/a/B;->f(Lcom/x/M;)V", "B.f(com.x.M): void")
                .containsEntry("Lcom/a/B;->f(Lcom/y/M;)V", "B.f(com.y.M): void")
                .containsEntry("Lcom/a/B;->g(I)I", "B.g(int): int")
                .containsEntry("Lcom/a/B;->g(I)J", "B.g(int): long")
                // in different packages (clusters): alike is fine
                .containsEntry("Lcom/a/B;->h()V", "B.h()").containsEntry("Lcom/b/B;->h()V", "B.h()");
        assertThat(labels.get("Lcom/a/B;->" + "z".repeat(100) + "1()V")).endsWith("… (1)");
        assertThat(labels.get("Lcom/a/B;->" + "z".repeat(100) + "2()V")).endsWith("… (2)");
    }

    private static Graph.Node node(String id) {
        return new Graph.Node(id, id.substring(0, id.indexOf("->")), 0, Set.of());
    }
}
