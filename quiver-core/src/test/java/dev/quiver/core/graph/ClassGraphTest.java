package dev.quiver.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quiver.core.Goldens;
import dev.quiver.core.TestApps;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Class graphs on the fixture apps: goldens, the selection rules, the cap and bad questions. */
class ClassGraphTest extends FixtureIndexes {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("classes-package-com-app", TestApps.GRAPH, ClassGraphQuery.ofPackage("com.app")),
                Arguments.of("classes-root-codec", TestApps.GRAPH, ClassGraphQuery.ofRoot("Lcom/lib/Codec;")),
                Arguments.of("classes-root-activity", TestApps.GRAPH, ClassGraphQuery.ofRoot("android.app.Activity")),
                Arguments.of("classes-root-task", TestApps.ANALYSIS, ClassGraphQuery.ofRoot("Lcom/q/Task;")),
                Arguments.of("classes-analysis-package", TestApps.ANALYSIS, ClassGraphQuery.ofPackage("Lcom/q/*")),
                Arguments.of("classes-members", TestApps.GRAPH, ClassGraphQuery.ofPackage("L*").withMembers(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldens(String name, String app, ClassGraphQuery q) throws Exception {
        Graph g = ClassGraph.build(of(app), q, null);
        Goldens.assertMatches(getClass(), "graph", name + ".dot", DotWriter.writeToString(g));
        Goldens.assertMatches(getClass(), "graph", name + ".json", JsonGraphWriter.writeToString(g));
    }

    @Test
    void aRootBringsItsSupertypesAndAllItsSubtypes() throws Exception {
        Graph g = ClassGraph.build(graph, ClassGraphQuery.ofRoot("Lcom/lib/Codec;"), null);
        assertThat(g.nodes()).extracting(Graph.Node::id, n -> n.is(Graph.Flag.ROOT), n -> n.is(Graph.Flag.INTERFACE))
                .containsExactly(
                        tuple("Lcom/app/net/XorCodec;", false, false),
                        tuple("Lcom/lib/Base64Codec;", false, false),
                        tuple("Lcom/lib/Codec;", true, true),
                        tuple("Lcom/lib/Named;", false, true));
        assertThat(g.edges()).extracting(Graph.Edge::from, Graph.Edge::to, e -> e.kinds().get(0)).containsExactly(
                tuple("Lcom/app/net/XorCodec;", "Lcom/lib/Base64Codec;", "extends"),
                tuple("Lcom/lib/Base64Codec;", "Lcom/lib/Codec;", "implements"),
                tuple("Lcom/lib/Codec;", "Lcom/lib/Named;", "extends"));
    }

    @Test
    void frameworkSupertypesAreExternalAndObjectIsLeftOut() throws Exception {
        Graph g = ClassGraph.build(graph, ClassGraphQuery.ofPackage("Lcom/app/*"), null);
        assertThat(g.nodes()).extracting(Graph.Node::id).contains("Landroid/app/Activity;", "Ljava/lang/Runnable;")
                .doesNotContain("Ljava/lang/Object;");
        assertThat(g.nodes()).filteredOn(n -> n.id().startsWith("Landroid/") || n.id().startsWith("Ljava/"))
                .allMatch(n -> n.is(Graph.Flag.EXTERNAL));
        Graph both = ClassGraph.build(graph, ClassGraphQuery.ofRoot("Lcom/lib/Codec;").withPackage("Lcom/lib/*"), null);
        assertThat(both.nodes()).extracting(Graph.Node::id).containsExactly("Lcom/lib/Base64Codec;", "Lcom/lib/Codec;",
                "Lcom/lib/Named;");
    }

    @Test
    void aGraphOverTheCapIsRefusedWithWhatWouldHelp() {
        assertThatThrownBy(() -> ClassGraph.build(graph, ClassGraphQuery.ofPackage("L*").withMaxNodes(4), null))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.TOO_LARGE))
                .hasMessage("the class graph would have more than 4 nodes (--max-nodes): 12 types (10 selected, the "
                        + "rest their direct supertypes); narrow it with --package on one of the packages with the most "
                        + "classes: 'Lcom/app/*' (5), 'Lcom/lib/*' (4), 'Lcom/evil/*' (1), --root TYPE, or raise --max-nodes");
    }

    @Test
    void badQuestionsAreOneLineErrors() {
        assertThatThrownBy(() -> ClassGraph.build(graph, ClassGraphQuery.ofRoot("Lcom/nope/X;"), null))
                .hasMessage("type Lcom/nope/X; is not in the index (no class defines, extends or implements it)");
        assertThatThrownBy(() -> ClassGraph.build(graph, ClassGraphQuery.ofRoot("I"), null))
                .hasMessage("'I' is not a class type (give Lcom/a/B; or com.a.B)");
        assertThatThrownBy(() -> ClassGraph.build(graph, ClassGraphQuery.ofPackage("org.nope"), null))
                .hasMessage("no class of the index matches Lorg/nope/* (give a package such as com.example or a glob "
                        + "such as 'Lcom/example/*')");
    }

    @Test
    void membersAreTheFieldsThenTheMethodsOfDefinedClasses() throws Exception {
        Graph g = ClassGraph.build(graph, ClassGraphQuery.ofRoot("Lcom/app/net/Net;").withMembers(true), null);
        assertThat(g.nodes()).extracting(Graph.Node::id, Graph.Node::members).containsExactly(
                tuple("Lcom/app/net/Net;", java.util.List.of("Lcom/app/net/Net;->codec:Lcom/lib/Codec;",
                        "Lcom/app/net/Net;-><init>()V", "Lcom/app/net/Net;->fetch(Ljava/lang/String;)[B")));
        assertThat(Labels.member("Lcom/app/net/Net;->codec:Lcom/lib/Codec;", false)).isEqualTo("codec: Codec");
        assertThat(Labels.member("Lcom/app/net/Net;->fetch(Ljava/lang/String;)[B", false)).isEqualTo("fetch(String): byte[]");
        assertThat(Labels.member("Lcom/app/net/Net;->fetch(Ljava/lang/String;)[B", true))
                .isEqualTo("fetch(java.lang.String): byte[]");
        Graph plain = ClassGraph.build(graph, ClassGraphQuery.ofRoot("Lcom/app/net/Net;"), null);
        assertThat(plain.nodes().get(0).members()).isEmpty();
        Graph external = ClassGraph.build(graph, ClassGraphQuery.ofRoot("android.app.Activity").withMembers(true), null);
        assertThat(external.nodes()).filteredOn(n -> n.is(Graph.Flag.EXTERNAL)).allMatch(n -> n.members().isEmpty());
    }

    @Test
    void packageValuesAreGlobsOrPackageNames() {
        assertThat(ClassGraph.packageGlob("com.a.b")).isEqualTo("Lcom/a/b/*");
        assertThat(ClassGraph.packageGlob("Lcom/a/b/")).isEqualTo("Lcom/a/b/*");
        assertThat(ClassGraph.packageGlob("Lcom/a/b")).isEqualTo("Lcom/a/b/*");
        assertThat(ClassGraph.packageGlob("Lcom/a/*Codec;")).isEqualTo("Lcom/a/*Codec;");
        assertThat(ClassGraph.packageGlob("Lcom/a/B;")).isEqualTo("Lcom/a/B;");
    }
}
