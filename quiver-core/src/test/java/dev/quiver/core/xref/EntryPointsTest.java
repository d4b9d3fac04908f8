package dev.quiver.core.xref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.core.TestApps;
import dev.quiver.core.query.Index;
import dev.quiver.core.query.QueryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryPointsTest {
    private static final String SEND = "Landroid/telephony/SmsManager;->sendTextMessage";

    @TempDir
    static Path tmp;
    static Index index;
    static Index analysis;

    @BeforeAll
    static void parse() throws Exception {
        index = Index.open(TestApps.database(TestApps.MANIFEST, tmp, tmp.resolve("m.db")));
        analysis = Index.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")));
    }

    @AfterAll
    static void close() {
        index.close();
        analysis.close();
    }

    private static List<String> methods(List<EntryPoints.EntryPoint> eps) {
        return eps.stream().map(e -> e.kind() + " " + e.method() + (e.exported() ? " exported" : "")).toList();
    }

    @Test
    void lifecycleMethodsOfDeclaredComponentsIncludingInheritedOnes() throws Exception {
        assertThat(methods(EntryPoints.find(index, null, false, null))).containsExactly(
                "application Lcom/m/App;-><init>()V exported",
                "application Lcom/m/App;->attachBaseContext(Landroid/content/Context;)V exported",
                "service Lcom/m/HiddenService;-><init>()V",
                "service Lcom/m/HiddenService;->onStartCommand(Landroid/content/Intent;II)I",
                "activity Lcom/m/BaseActivity;->onCreate(Landroid/os/Bundle;)V exported",
                "activity Lcom/m/MainActivity;-><init>()V exported",
                "activity Lcom/m/MainActivity;->onResume()V exported",
                "receiver Lcom/m/SmsReceiver;-><init>()V exported",
                "receiver Lcom/m/SmsReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V exported");
    }

    @Test
    void exportedOnlyLeavesOutTheHiddenService() throws Exception {
        assertThat(methods(EntryPoints.find(index, null, true, null)))
                .noneMatch(m -> m.contains("HiddenService")).hasSize(7);
    }

    private static List<String> paths(boolean exported, boolean callbacks) throws Exception {
        List<Long> ids = EntryPoints.find(index, null, exported, null).stream().map(EntryPoints.EntryPoint::id).toList();
        return Paths.find(index, PathQuery.between(null, SEND).withSources(ids).withCallbacks(callbacks), null).stream()
                .map(p -> String.join(" > ", p.steps().stream()
                        .map(s -> s.method().replaceAll("\\(.*", "") + (s.kind() == null ? "" : " [" + s.kind() + "]"))
                        .toList()))
                .toList();
    }

    @Test
    void whichExportedComponentReachesTheApiAndHow() throws Exception {
        assertThat(paths(true, false)).containsExactly(
                "Lcom/m/SmsReceiver;->onReceive [static] > Lcom/m/Sms;->send [virtual/range] > "
                        + "Landroid/telephony/SmsManager;->sendTextMessage");
        assertThat(paths(true, true)).containsExactly(
                "Lcom/m/SmsReceiver;->onReceive [static] > Lcom/m/Sms;->send [virtual/range] > "
                        + "Landroid/telephony/SmsManager;->sendTextMessage",
                "Lcom/m/MainActivity;->onResume [callback] > Lcom/m/MainActivity$1;->onClick [static] > "
                        + "Lcom/m/Sms;->send [virtual/range] > Landroid/telephony/SmsManager;->sendTextMessage");
        assertThat(paths(false, false)).containsExactly(
                "Lcom/m/HiddenService;->onStartCommand [static] > Lcom/m/Sms;->send [virtual/range] > "
                        + "Landroid/telephony/SmsManager;->sendTextMessage",
                "Lcom/m/SmsReceiver;->onReceive [static] > Lcom/m/Sms;->send [virtual/range] > "
                        + "Landroid/telephony/SmsManager;->sendTextMessage");
    }

    @Test
    void withoutAManifestFrameworkSubclassesStandIn() throws Exception {
        assertThat(methods(EntryPoints.find(analysis, null, false, null))).containsExactly(
                "receiver Lcom/q/SmsReceiver;-><init>()V",
                "receiver Lcom/q/SmsReceiver;->onReceive(Landroid/content/Context;Landroid/content/Intent;)V");
        assertThatThrownBy(() -> EntryPoints.find(analysis, null, true, null)).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("no manifest in analysis-smali: which components are exported is unknown");
    }
}
