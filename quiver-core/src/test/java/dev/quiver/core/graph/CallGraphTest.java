package dev.quiver.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quiver.core.Goldens;
import dev.quiver.core.Indexer;
import dev.quiver.core.TestApps;
import dev.quiver.core.graph.CallGraphQuery.Direction;
import dev.quiver.core.pipeline.ProgressListener;
import dev.quiver.core.query.Deadline;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.query.References;
import dev.quiver.core.xref.Xref;
import dev.quiver.core.xref.XrefQuery;
import dev.quiver.core.xref.XrefRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Call graphs on the fixture apps: goldens of the DOT and JSON of each case
 * ({@code src/test/resources/golden/graph/}), the rules behind them, and the cap.
 */
class CallGraphTest extends FixtureIndexes {
    static final String SEND = "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V";
    static final String ON_CREATE = "Lcom/app/Main;->onCreate(Landroid/os/Bundle;)V";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("calls-fact-recursion", TestApps.ANALYSIS, CallGraphQuery.of("Lcom/q/Chain;->fact(I)I")),
                Arguments.of("calls-ping-pong", TestApps.ANALYSIS, CallGraphQuery.of("Lcom/q/Chain;->ping()V")
                        .withDirection(Direction.CALLEES).withDepth(0)),
                Arguments.of("calls-encrypt-overloads", TestApps.ANALYSIS, CallGraphQuery.of("Lcom/q/Crypto;->encrypt")
                        .withDepth(1)),
                Arguments.of("calls-task-dispatch", TestApps.ANALYSIS, CallGraphQuery.of("Lcom/q/Task;->run()V")
                        .withDirection(Direction.CALLERS).withDepth(2).withDispatch(true)),
                Arguments.of("calls-send-callers", TestApps.ANALYSIS, CallGraphQuery.of(SEND)
                        .withDirection(Direction.CALLERS).withDepth(0)),
                Arguments.of("calls-oncreate-dispatch", TestApps.GRAPH, CallGraphQuery.of(ON_CREATE)
                        .withDirection(Direction.CALLEES).withDepth(0).withDispatch(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldens(String name, String app, CallGraphQuery q) throws Exception {
        Graph g = CallGraph.build(of(app), q, null);
        Goldens.assertMatches(getClass(), "graph", name + ".dot", DotWriter.writeToString(g));
        Goldens.assertMatches(getClass(), "graph", name + ".json", JsonGraphWriter.writeToString(g));
    }

    private static Graph build(Index index, CallGraphQuery q) throws QueryException {
        return CallGraph.build(index, q, Deadline.none());
    }

    private static List<String> ids(Graph g) {
        return g.nodes().stream().map(Graph.Node::id).toList();
    }

    @Test
    void edgesAreEveryCallBetweenTheNodesNotOnlyTheWalksTree() throws Exception {
        // l1 -> l2 -> l3 -> l4 and l3 -> l2: the walk reaches l2 from l1 only; the call back from l3 is an edge too.
        Graph g = build(analysis, CallGraphQuery.of("Lcom/q/Chain;->l1()V").withDirection(Direction.CALLEES));
        assertThat(g.edges()).extracting(Graph.Edge::from, Graph.Edge::to).containsExactly(
                tuple("Lcom/q/Chain;->l1()V", "Lcom/q/Chain;->l2()V"),
                tuple("Lcom/q/Chain;->l2()V", "Lcom/q/Chain;->l3()V"),
                tuple("Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l2()V"),
                tuple("Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l4()V"));
        assertThat(g.nodes()).extracting(Graph.Node::id, Graph.Node::depth).containsExactly(
                tuple("Lcom/q/Chain;->l1()V", 0), tuple("Lcom/q/Chain;->l2()V", 1), tuple("Lcom/q/Chain;->l3()V", 2),
                tuple("Lcom/q/Chain;->l4()V", 3));
    }

    @Test
    void recursionAndMutualRecursionAreCyclesNotEndlessWalks() throws Exception {
        Graph fact = build(analysis, CallGraphQuery.of("Lcom/q/Chain;->fact(I)I").withDepth(0));
        assertThat(fact.edges()).extracting(Graph.Edge::from, Graph.Edge::to).contains(
                tuple("Lcom/q/Chain;->fact(I)I", "Lcom/q/Chain;->fact(I)I"));
        Graph ping = build(analysis, CallGraphQuery.of("Lcom/q/Chain;->ping()V").withDepth(0));
        assertThat(ping.edges()).extracting(Graph.Edge::from, Graph.Edge::to).containsExactly(
                tuple("Lcom/q/Chain;->ping()V", "Lcom/q/Chain;->pong()V"),
                tuple("Lcom/q/Chain;->pong()V", "Lcom/q/Chain;->ping()V"));
    }

    @Test
    void overloadsAreSeparateNodesWithTheirOwnEdges() throws Exception {
        Graph g = build(analysis, CallGraphQuery.of("Lcom/q/Crypto;->encrypt").withDepth(1));
        assertThat(g.roots()).containsExactly("Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B",
                "Lcom/q/Crypto;->encrypt([B)[B");
        assertThat(g.edges()).extracting(Graph.Edge::from, Graph.Edge::to, Graph.Edge::sites).contains(
                tuple("Lcom/q/Users;->fromBytes([B)V", "Lcom/q/Crypto;->encrypt([B)[B", 2),
                tuple("Lcom/q/Users;->fromString()V", "Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B", 1),
                tuple("Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B", "Lcom/q/Crypto;->encrypt([B)[B", 1));
        Graph util = build(graph, CallGraphQuery.of(ON_CREATE).withDirection(Direction.CALLEES).withDepth(1));
        assertThat(Labels.of(util)).containsEntry("Lcom/app/Util;->conv(I)I", "Util.conv(int): int")
                .containsEntry("Lcom/app/Util;->conv(I)J", "Util.conv(int): long")
                .containsEntry("Lcom/app/Util;->log(I)V", "Util.log(int)");
    }

    @Test
    void frameworkMethodsAreExternalNodesThatEndTheirBranch() throws Exception {
        Graph g = build(analysis, CallGraphQuery.of("Lcom/q/Chain;->l4()V").withDirection(Direction.CALLEES).withDepth(0));
        assertThat(g.nodes()).extracting(Graph.Node::id, n -> n.is(Graph.Flag.EXTERNAL), n -> n.is(Graph.Flag.ROOT))
                .containsExactly(
                        tuple("Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;", true, false),
                        tuple(SEND, true, false),
                        tuple("Lcom/q/Chain;->l4()V", false, true));
    }

    @Test
    void dispatchEdgesAreMarkedAndExactCallsAreNot() throws Exception {
        Graph g = build(analysis, CallGraphQuery.of("Lcom/q/Impl;->run()V").withDirection(Direction.CALLERS)
                .withDispatch(true).withDepth(1));
        assertThat(g.edges()).extracting(Graph.Edge::from, Graph.Edge::kinds, Graph.Edge::dispatch).contains(
                tuple("Lcom/q/Users;->useImpl(Lcom/q/Impl;)V", List.of("virtual"), false),
                tuple("Lcom/q/Users;->useTask(Lcom/q/Task;)V", List.of("interface"), true),
                tuple("Lcom/q/Users;->useSub(Lcom/q/Sub;)V", List.of("virtual"), true),
                tuple("Lcom/q/Ünï$Inner;->run()V", List.of("super"), false));
        Graph exact = build(analysis, CallGraphQuery.of("Lcom/q/Impl;->run()V").withDirection(Direction.CALLERS)
                .withDepth(1));
        assertThat(exact.edges()).noneMatch(Graph.Edge::dispatch);
        assertThat(ids(exact)).doesNotContain("Lcom/q/Users;->useTask(Lcom/q/Task;)V");
    }

    /** The nodes of a graph are its roots and exactly what {@code quiver xref} reports with the same options. */
    @Test
    void nodesAreTheRootsAndTheXrefRows() throws Exception {
        for (Index index : List.of(analysis, graph)) {
            for (References.Ident m : References.of(index).findMethods(
                    new dev.quiver.core.query.NamePattern(dev.quiver.core.query.NamePattern.Mode.GLOB, "*", false),
                    10_000, null)) {
                for (boolean dispatch : List.of(false, true)) {
                    for (int depth : List.of(1, 2, 0)) {
                        for (Direction d : List.of(Direction.CALLERS, Direction.CALLEES)) {
                            Graph g = build(index, CallGraphQuery.of(m.signature()).withDirection(d).withDepth(depth)
                                    .withDispatch(dispatch).withFilters(List.of(), List.of("Ljava/lang/Object;")));
                            XrefQuery x = XrefQuery.of(d == Direction.CALLERS ? XrefQuery.Target.CALLERS
                                    : XrefQuery.Target.CALLEES, m.signature()).withDepth(depth).withDispatch(dispatch)
                                    .withFilters(List.of(), List.of("Ljava/lang/Object;"));
                            Set<String> expected = new TreeSet<>(List.of(m.signature()));
                            for (XrefRow r : Xref.run(index, x, null).rows()) {
                                expected.add(r.method());
                            }
                            assertThat(ids(g)).as("%s %s depth %d dispatch %s", m.signature(), d, depth, dispatch)
                                    .containsExactlyElementsOf(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void excludedClassesAreLeftOutAndNotWalkedThroughButRootsStay() throws Exception {
        CallGraphQuery q = CallGraphQuery.of(ON_CREATE).withDirection(Direction.CALLEES).withDepth(0);
        Graph all = build(graph, q);
        assertThat(ids(all)).anyMatch(id -> id.startsWith("Lcom/evil/")).contains("Lcom/lib/Codec;->decode([B)[B");
        Graph noNet = build(graph, q.withFilters(List.of(), List.of("Lcom/app/net/*", "Lcom/evil/*")));
        assertThat(ids(noNet)).noneMatch(id -> id.startsWith("Lcom/evil/") || id.startsWith("Lcom/app/net/"))
                // reached only through Net.fetch, which is excluded
                .doesNotContain("Lcom/lib/Codec;->decode([B)[B", "Ljava/net/URL;->openConnection()Ljava/net/URLConnection;");
        Graph onlyLib = build(graph, q.withFilters(List.of("Lcom/app/*"), List.of()));
        assertThat(ids(onlyLib)).allMatch(id -> id.startsWith("Lcom/app/")).contains(ON_CREATE);
        Graph rootExcluded = build(graph, q.withFilters(List.of(), List.of("Lcom/app/Main;")));
        assertThat(ids(rootExcluded)).contains(ON_CREATE).doesNotContain("Lcom/app/Main;->run()V");
    }

    @Test
    void aGraphOverTheCapIsRefusedWithWhatWouldHelp() {
        CallGraphQuery q = CallGraphQuery.of(ON_CREATE).withDirection(Direction.CALLEES).withDepth(0);
        assertThatThrownBy(() -> build(graph, q.withMaxNodes(12)))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.TOO_LARGE))
                .hasMessage("the call graph would have more than 12 nodes (--max-nodes): 20 nodes reached by depth 2 "
                        + "(callees); narrow it with --depth 1 (10 nodes), --exclude on the packages with the most "
                        + "nodes: 'Lcom/app/net/*' (3), 'Lcom/evil/*' (2), 'Ljava/lang/*' (2), or raise --max-nodes");
        assertThatThrownBy(() -> build(graph, q.withMaxNodes(5)))
                .hasMessage("the call graph would have more than 5 nodes (--max-nodes): 10 nodes reached by depth 1 "
                        + "(callees); narrow it with --exclude on the packages with the most nodes: 'Lcom/app/net/*' (2), "
                        + "'Landroid/app/*' (1), 'Lcom/evil/*' (1), or raise --max-nodes");
        assertThatThrownBy(() -> build(analysis, CallGraphQuery.of("Lcom/q/*").withMaxNodes(3)))
                .hasMessageStartingWith("the call graph would have more than 3 nodes (--max-nodes): 'Lcom/q/*' matches ")
                .hasMessageEndingWith("methods; narrow it with a narrower METHOD (a class, a name, a descriptor), or "
                        + "raise --max-nodes");
        assertThatThrownBy(() -> build(analysis, CallGraphQuery.of("Lcom/q/Chain;->l1()V").withMaxNodes(4)))
                .hasMessageContaining("one direction (--callers or --callees)");
    }

    @Test
    void unknownMethodsAndCancelledQuestionsAreErrors() throws Exception {
        assertThatThrownBy(() -> build(analysis, CallGraphQuery.of("Lcom/q/Chain;->nope()V")))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.NOT_FOUND))
                .hasMessage("no method Lcom/q/Chain;->nope()V in the index (neither defined nor referenced)");
        Deadline d = Deadline.none();
        d.cancel();
        assertThatThrownBy(() -> CallGraph.build(analysis, CallGraphQuery.of("Lcom/q/Chain;->l1()V"), d))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.TIMEOUT));
    }

    /** The same app parsed by one worker and by two gives the same DOT and JSON bytes. */
    @Test
    void oneOrTwoParseWorkersGiveTheSameBytes() throws Exception {
        Path tree = TestApps.tree(TestApps.GRAPH, tmp.resolve("graph-j2"));
        Path db = tmp.resolve("g2.db");
        Indexer.index(new Indexer.Request(List.of(tree), db, Indexer.Format.SQLITE, false, 2, ".smali"),
                ProgressListener.NONE);
        CallGraphQuery q = CallGraphQuery.of(ON_CREATE).withDepth(0).withDispatch(true);
        try (Index two = Index.open(db)) {
            List<String> texts = new ArrayList<>();
            for (Index i : List.of(graph, two, graph)) {
                Graph g = build(i, q);
                texts.add(DotWriter.writeToString(g) + JsonGraphWriter.writeToString(g));
            }
            assertThat(texts.get(1)).isEqualTo(texts.get(0));
            assertThat(texts.get(2)).isEqualTo(texts.get(0));
        }
    }
}
