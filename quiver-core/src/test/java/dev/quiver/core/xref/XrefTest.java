package dev.quiver.core.xref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quiver.core.TestApps;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import dev.quiver.core.xref.XrefQuery.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XrefTest {
    private static final String SEND = "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;"
            + "Ljava/lang/String;Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V";

    @TempDir
    static Path tmp;
    static Index index;

    @BeforeAll
    static void open() throws Exception {
        index = Index.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static XrefResult run(XrefQuery q) throws QueryException {
        return Xref.run(index, q, null);
    }

    private static List<String> methods(XrefResult r) {
        List<String> out = new ArrayList<>();
        for (XrefRow row : r.rows()) {
            out.add(row.method());
        }
        return out;
    }

    @Test
    void overloadsAreNeverMerged() throws Exception {
        XrefResult r = run(XrefQuery.of(Target.CALLERS, "Lcom/q/Crypto;->encrypt([B)[B"));
        assertThat(r.rows()).extracting(XrefRow::method, XrefRow::sites).containsExactly(
                tuple("Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B", 1),
                tuple("Lcom/q/Users;->fromBytes([B)V", 2));
        XrefResult both = run(XrefQuery.of(Target.CALLERS, "Lcom/q/Crypto;->encrypt"));
        assertThat(both.roots()).hasSize(2);
        assertThat(methods(both)).containsExactly("Lcom/q/Users;->fromBytes([B)V", "Lcom/q/Users;->fromString()V");
        assertThat(both.notes()).anyMatch(n -> n.contains("matched 2 methods"));
    }

    @Test
    void transitiveCallersAreBreadthFirstWithDepthsAndShortestChains() throws Exception {
        XrefResult r = run(XrefQuery.of(Target.CALLERS, SEND).withDepth(0).withPaths(true));
        assertThat(r.rows()).extracting(XrefRow::method, XrefRow::depth).containsExactly(
                tuple("Lcom/q/Chain;->l4()V", 1),
                tuple("Lcom/q/Chain;->l3()V", 2),
                tuple("Lcom/q/Chain;->l2()V", 3),
                tuple("Lcom/q/Chain;->l1()V", 4),
                tuple("Lcom/q/Impl;->run()V", 5),
                tuple("Lcom/q/SmsReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V", 5),
                tuple("Lcom/q/Users;->useImpl(Lcom/q/Impl;)V", 6),
                tuple("Lcom/q/Ünï$Inner;->run()V", 6));
        XrefRow receiver = r.rows().get(5);
        assertThat(receiver.chain()).containsExactly(receiver.method(), "Lcom/q/Chain;->l1()V", "Lcom/q/Chain;->l2()V",
                "Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l4()V", SEND);
        assertThat(receiver.path()).isEqualTo("SmsReceiver.smali");
        assertThat(receiver.line()).isEqualTo(13);
        assertThat(receiver.kind()).isEqualTo("static");
    }

    @Test
    void depthLimitsTheWalk() throws Exception {
        assertThat(methods(run(XrefQuery.of(Target.CALLERS, SEND).withDepth(2))))
                .containsExactly("Lcom/q/Chain;->l4()V", "Lcom/q/Chain;->l3()V");
    }

    @Test
    void recursionAndMutualRecursionTerminate() throws Exception {
        assertThat(methods(run(XrefQuery.of(Target.CALLERS, "Lcom/q/Chain;->fact(I)I").withDepth(0))))
                .containsExactly("Lcom/q/Under_score;->ñame()V");
        assertThat(methods(run(XrefQuery.of(Target.CALLERS, "Lcom/q/Chain;->ping()V").withDepth(0))))
                .containsExactly("Lcom/q/Chain;->pong()V");
        assertThat(methods(run(XrefQuery.of(Target.CALLEES, "Lcom/q/Chain;->l2()V").withDepth(0))))
                .containsExactly("Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l4()V",
                        "Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;", SEND);
    }

    @Test
    void excludedClassesAreNeitherReportedNorWalkedThrough() throws Exception {
        XrefResult r = run(XrefQuery.of(Target.CALLERS, SEND).withDepth(0)
                .withFilters(List.of(), List.of("Lcom/q/Impl;")));
        assertThat(methods(r)).doesNotContain("Lcom/q/Impl;->run()V", "Lcom/q/Users;->useImpl(Lcom/q/Impl;)V")
                .contains("Lcom/q/SmsReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V");
        XrefResult inc = run(XrefQuery.of(Target.CALLERS, SEND).withDepth(0)
                .withFilters(List.of("Lcom/q/Chain;"), List.of()));
        assertThat(methods(inc)).allMatch(m -> m.startsWith("Lcom/q/Chain;"));
    }

    @Test
    void callersWithDispatchAddSupertypeCallsAndInheritingSubclassCalls() throws Exception {
        assertThat(methods(run(XrefQuery.of(Target.CALLERS, "Lcom/q/Impl;->run()V"))))
                .containsExactly("Lcom/q/Users;->useImpl(Lcom/q/Impl;)V", "Lcom/q/Ünï$Inner;->run()V");
        XrefResult r = run(XrefQuery.of(Target.CALLERS, "Lcom/q/Impl;->run()V").withDispatch(true));
        assertThat(r.rows()).extracting(XrefRow::method, XrefRow::dispatch).containsExactly(
                tuple("Lcom/q/Users;->useBase(Lcom/q/Base;)V", true),
                tuple("Lcom/q/Users;->useImpl(Lcom/q/Impl;)V", false),
                tuple("Lcom/q/Users;->useRunnable(Ljava/lang/Runnable;)V", true),
                tuple("Lcom/q/Users;->useSub(Lcom/q/Sub;)V", true),
                tuple("Lcom/q/Users;->useTask(Lcom/q/Task;)V", true),
                tuple("Lcom/q/Ünï$Inner;->run()V", false));
        // invoke-super names one implementation: it never dispatches to an override
        assertThat(methods(r)).doesNotContain("Lcom/q/Users;->superOfSub(Lcom/q/Sub;)V");
        XrefResult other = run(XrefQuery.of(Target.CALLERS, "Lcom/q/Other;->run()V").withDispatch(true));
        assertThat(methods(other)).containsExactly("Lcom/q/Users;->useTask(Lcom/q/Task;)V");
    }

    @Test
    void calleesWithDispatchResolveInheritedMethodsAndReachOverrides() throws Exception {
        XrefResult exact = run(XrefQuery.of(Target.CALLEES, "Lcom/q/Users;->useSub(Lcom/q/Sub;)V"));
        assertThat(exact.rows()).extracting(XrefRow::method, XrefRow::defined)
                .containsExactly(tuple("Lcom/q/Sub;->run()V", false));
        XrefResult r = run(XrefQuery.of(Target.CALLEES, "Lcom/q/Users;->useSub(Lcom/q/Sub;)V").withDispatch(true)
                .withDepth(2));
        assertThat(r.rows()).extracting(XrefRow::method, XrefRow::depth, XrefRow::dispatch).containsExactly(
                tuple("Lcom/q/Impl;->run()V", 1, true),
                tuple("Lcom/q/Sub;->run()V", 1, false),
                tuple("Lcom/q/Chain;->l1()V", 2, false));
        XrefResult task = run(XrefQuery.of(Target.CALLEES, "Lcom/q/Users;->useTask(Lcom/q/Task;)V").withDispatch(true));
        assertThat(methods(task)).containsExactly("Lcom/q/Impl;->run()V", "Lcom/q/Other;->run()V",
                "Lcom/q/Task;->run()V", "Lcom/q/Ünï$Inner;->run()V");
    }

    @Test
    void frameworkFieldsAndMethodsAreFirstClassTargets() throws Exception {
        assertThat(methods(run(XrefQuery.of(Target.READERS, "Landroid/os/Build;->SERIAL:Ljava/lang/String;"))))
                .containsExactly("Lcom/q/Device;->id()Ljava/lang/String;");
        assertThat(methods(run(XrefQuery.of(Target.WRITERS, "Lcom/q/Device;->url:Ljava/lang/String;"))))
                .containsExactly("Lcom/q/Device;-><init>()V");
        XrefResult readers = run(XrefQuery.of(Target.READERS, "Lcom/q/Device;->url").withDepth(2));
        assertThat(readers.rows()).extracting(XrefRow::method, XrefRow::depth)
                .containsExactly(tuple("Lcom/q/Device;->connect()V", 1));
        XrefResult idReaders = run(XrefQuery.of(Target.READERS, "Landroid/os/Build;->SERIAL:Ljava/lang/String;")
                .withDepth(2).withPaths(true));
        assertThat(idReaders.rows()).extracting(XrefRow::method, XrefRow::depth).containsExactly(
                tuple("Lcom/q/Device;->id()Ljava/lang/String;", 1), tuple("Lcom/q/Device;->connect()V", 2));
        assertThat(idReaders.rows().get(1).chain()).containsExactly("Lcom/q/Device;->connect()V",
                "Lcom/q/Device;->id()Ljava/lang/String;");
    }

    @Test
    void stringsAreExactByDefaultEvenWithAQuestionMark() throws Exception {
        XrefResult r = run(XrefQuery.of(Target.STRING_USERS, "https://evil.example/api?x=1"));
        assertThat(r.rows()).extracting(XrefRow::method, XrefRow::kind, XrefRow::ref)
                .containsExactly(tuple("Lcom/q/Device;-><init>()V", "const-string", "https://evil.example/api?x=1"));
        assertThat(methods(run(XrefQuery.of(Target.STRING_USERS, "a_b%c"))))
                .containsExactly("Lcom/q/Device;->connect()V");
        assertThat(run(XrefQuery.of(Target.STRING_USERS, "https://evil.example/api")).rows()).isEmpty();
    }

    @Test
    void typeUsersCoverEveryTypeInstruction() throws Exception {
        XrefResult r = run(XrefQuery.of(Target.TYPE_USERS, "Ldalvik/system/DexClassLoader;"));
        assertThat(r.rows()).extracting(XrefRow::method, XrefRow::sites)
                .containsExactly(tuple("Lcom/q/Device;->connect()V", 2));
    }

    @Test
    void unknownAndMalformedTargetsAreClearErrors() {
        assertThatThrownBy(() -> run(XrefQuery.of(Target.CALLERS, "Lcom/q/Crypto;->encrypt(I)[B")))
                .isInstanceOf(QueryException.class).hasMessageContaining("no method Lcom/q/Crypto;->encrypt(I)[B")
                .hasMessageContaining("overloads there: Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B");
        assertThatThrownBy(() -> run(XrefQuery.of(Target.CALLERS, "Lcom/q/Crypto;->encrypt(I")))
                .hasMessageContaining("no method matches");
        assertThatThrownBy(() -> run(XrefQuery.of(Target.CALLERS, "Lcom/q/Crypto->encrypt(I)V")))
                .hasMessageContaining("malformed method signature");
        assertThatThrownBy(() -> run(XrefQuery.of(Target.CALLERS, "*nothing-like-this*")))
                .hasMessageContaining("no method matches glob");
    }

    @Test
    void pathsBetweenMethodsShortestFirst() throws Exception {
        List<CallPath> paths = Paths.find(index, PathQuery.between("*->onReceive(*", SEND), null);
        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).length()).isEqualTo(5);
        assertThat(paths.get(0).steps()).extracting(CallPath.Step::method).containsExactly(
                "Lcom/q/SmsReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V",
                "Lcom/q/Chain;->l1()V", "Lcom/q/Chain;->l2()V", "Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l4()V", SEND);
        List<CallPath> viaTask = Paths.find(index, PathQuery.between("Lcom/q/Users;->useTask(Lcom/q/Task;)V", SEND)
                .withDispatch(true), null);
        // shortest first: through Impl.run, then through Ünï$Inner.run, which invoke-super's Impl.run
        assertThat(viaTask).extracting(CallPath::length).containsExactly(6, 7);
        assertThat(viaTask.get(0).steps().get(0).dispatch()).isTrue();
        assertThat(viaTask.get(1).steps().get(1).method()).isEqualTo("Lcom/q/Ünï$Inner;->run()V");
        assertThat(Paths.find(index, PathQuery.between("Lcom/q/Users;->useTask(Lcom/q/Task;)V", SEND), null)).isEmpty();
        assertThat(Paths.find(index, PathQuery.between("*->onReceive(*", SEND).withDepth(4), null)).isEmpty();
        List<CallPath> cyc = Paths.find(index, PathQuery.between("Lcom/q/Chain;->l2()V", SEND).withLimit(5), null);
        assertThat(cyc).extracting(CallPath::length).containsExactly(3);
    }
}
