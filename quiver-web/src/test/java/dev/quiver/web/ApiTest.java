package dev.quiver.web;

import static dev.quiver.web.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.core.TestApps;
import dev.quiver.core.query.ListQuery;
import dev.quiver.core.query.Listing;
import dev.quiver.core.query.RowJson;
import dev.quiver.core.query.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Quiver endpoint over HTTP, on the analysis app and the hostile app in one index. */
class ApiTest {
    @TempDir
    static Path tmp;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        Path db = TestApps.database(List.of(TestApps.ANALYSIS, TestApps.HOSTILE), tmp, tmp.resolve("a.db"));
        s = new TestServer(db);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void statsAndApps() throws Exception {
        JsonNode st = s.json("/api/v1/stats");
        assertThat(st.path("index").asText()).isEqualTo("a.db");
        assertThat(st.path("counts").path("classes").asLong()).isEqualTo(17);
        assertThat(st.path("apps")).hasSize(2);
        JsonNode apps = s.json("/api/v1/apps");
        assertThat(apps.path("apps").get(1).path("label").asText()).isEqualTo("hostile-smali");
        JsonNode app = s.json("/api/v1/apps/2?limit=10");
        assertThat(app.path("counts").path("classes").asLong()).isEqualTo(4);
        assertThat(app.path("counts").path("problems").asLong()).isEqualTo(1);
        JsonNode problem = app.path("problems").path("rows").get(0);
        assertThat(problem.path("kind").asText()).isEqualTo("syntax");
        assertThat(problem.path("message").asText()).contains("<script>window.__pwned=3</script>");
        assertThat(s.get("/api/v1/apps/9").status()).isEqualTo(404);
        assertThat(s.get("/api/v1/apps/x").status()).isEqualTo(404);
    }

    @Test
    void everyListingAnswersRowsExactlyAsRowJson() throws Exception {
        for (Listing l : Listing.ALL) {
            JsonNode page = s.json("/api/v1/" + l.name() + "?limit=1000");
            Rows expected = s.index.list(ListQuery.of(l).withPage(1000, 0), null);
            assertThat(page.path("listing").asText()).isEqualTo(l.name());
            assertThat(page.path("rows")).hasSize(expected.rows().size());
            for (int i = 0; i < expected.rows().size(); i++) {
                String want = RowJson.toString(expected.columns(), expected.rows().get(i));
                assertThat(TestServer.JSON.writeValueAsString(page.path("rows").get(i)))
                        .as(l.name() + " row " + i).isEqualTo(TestServer.JSON.writeValueAsString(TestServer.JSON.readTree(want)));
            }
        }
    }

    @Test
    void pagingIsCappedAndSaysWhetherMoreFollow() throws Exception {
        JsonNode p1 = s.json("/api/v1/methods?limit=5&count=true&columns=id,method");
        assertThat(p1.path("rows")).hasSize(5);
        assertThat(p1.path("more").asBoolean()).isTrue();
        long total = p1.path("total").asLong();
        assertThat(total).isEqualTo(s.index.count(ListQuery.of(Listing.METHODS), null));
        JsonNode last = s.json("/api/v1/methods?limit=5&offset=" + (total - 2));
        assertThat(last.path("rows")).hasSize(2);
        assertThat(last.path("more").asBoolean()).isFalse();
        assertThat(s.get("/api/v1/methods?limit=0").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/methods?limit=1001").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/methods?limit=ten").json().path("message").asText()).contains("whole number");
        assertThat(s.get("/api/v1/methods?offset=-1").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/methods?limit=1&limit=2").status()).isEqualTo(400);
    }

    @Test
    void filtersMatchAsTheCliDoes() throws Exception {
        assertThat(ids("/api/v1/classes?class=" + enc("Lcom/q/*") + "&columns=class"))
                .contains("Lcom/q/Chain;", "Lcom/q/Under_score;").doesNotContain("Lcom/evil/Caller;");
        assertThat(ids("/api/v1/classes?class=" + enc("under_") + "&ignore_case=true&columns=class"))
                .containsExactly("Lcom/q/Under_score;");
        assertThat(ids("/api/v1/classes?class=" + enc("Lcom/q/Sub;") + "&match=exact&columns=class"))
                .containsExactly("Lcom/q/Sub;");
        assertThat(ids("/api/v1/classes?extends=" + enc("Lcom/q/Impl;") + "&columns=class"))
                .containsExactly("Lcom/q/Sub;", "Lcom/q/Ünï$Inner;");
        assertThat(ids("/api/v1/methods?flags=" + enc("static !public") + "&columns=method")).isEmpty();
        assertThat(ids("/api/v1/strings?value=" + enc("^https?://") + "&match=regex&columns=value"))
                .containsExactly("https://evil.example/api?x=1");
        assertThat(ids("/api/v1/strings?app=2&columns=value")).hasSize(5);
        assertThat(s.get("/api/v1/strings?value=" + enc("(") + "&match=regex").json().path("message").asText())
                .contains("bad regex");
        assertThat(s.get("/api/v1/strings?bogus=1").json().path("message").asText()).contains("unknown parameter 'bogus'");
        assertThat(s.get("/api/v1/strings?sort=nope").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/strings?match=fuzzy").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/strings?app=nope").status()).isEqualTo(404);
        JsonNode sorted = s.json("/api/v1/classes?sort=" + enc("class:desc") + "&columns=class&limit=2");
        assertThat(sorted.path("rows").get(0).path("class").asText()).isEqualTo("Lcom/q/Ünï$Inner;");
    }

    @Test
    void aClassComesWithItsHierarchyAndMembers() throws Exception {
        long id = id("classes", "class", "Lcom/q/Impl;");
        JsonNode c = s.json("/api/v1/classes/" + id);
        assertThat(c.path("row").path("class").asText()).isEqualTo("Lcom/q/Impl;");
        assertThat(texts(c.path("superclasses"), "type")).containsExactly("Lcom/q/Base;", "Ljava/lang/Object;");
        assertThat(c.path("superclasses").get(1).path("defined").asBoolean()).isFalse();
        assertThat(texts(c.path("interfaces"), "type")).containsExactly("Ljava/lang/Runnable;");
        assertThat(texts(c.path("subclasses"), "type")).containsExactly("Lcom/q/Sub;", "Lcom/q/Ünï$Inner;");
        assertThat(texts(c.path("methods"), "method")).containsExactly("Lcom/q/Impl;-><init>()V", "Lcom/q/Impl;->run()V");
        JsonNode task = s.json("/api/v1/classes/" + id("classes", "class", "Lcom/q/Task;"));
        assertThat(texts(task.path("implementers"), "type")).containsExactly("Lcom/q/Base;", "Lcom/q/Other;");
        assertThat(s.get("/api/v1/classes/999999").status()).isEqualTo(404);
        assertThat(s.get("/api/v1/classes/abc").status()).isEqualTo(404);
    }

    @Test
    void aMethodComesWithItsCodeWhoseReferencesAreLocated() throws Exception {
        long id = id("methods", "method", "Lcom/q/Chain;->l4()V");
        JsonNode m = s.json("/api/v1/methods/" + id);
        JsonNode code = m.path("code");
        assertThat(code.path("origin").asText()).isEqualTo("file");
        assertThat(code.path("lines").get(0).path("text").asText()).isEqualTo(".method public static l4()V");
        assertThat(code.path("lines").get(0).path("line").asInt()).isEqualTo(code.path("first_line").asInt());
        List<String> refs = new ArrayList<>();
        for (JsonNode line : code.path("lines")) {
            for (JsonNode r : line.path("refs")) {
                String t = line.path("text").asText();
                assertThat(t.substring(r.path("start").asInt(), r.path("end").asInt())).isNotEmpty();
                refs.add(r.path("kind").asText() + " " + r.path("target").asText());
            }
        }
        assertThat(refs).contains("string +15550100",
                "method Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;",
                "method Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;"
                        + "Ljava/lang/String;Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V");
        assertThat(texts(m.path("callers"), "method")).containsExactly("Lcom/q/Chain;->l3()V");
        assertThat(texts(m.path("calls"), "callee")).hasSize(2);
        assertThat(texts(m.path("strings"), "value")).containsExactly("+15550100");
        JsonNode device = s.json("/api/v1/methods/" + id("methods", "method", "Lcom/q/Device;->id()Ljava/lang/String;"));
        assertThat(texts(device.path("field_refs"), "field")).contains("Landroid/os/Build;->SERIAL:Ljava/lang/String;");
        JsonNode connect = s.json("/api/v1/methods/" + id("methods", "method", "Lcom/q/Device;->connect()V"));
        assertThat(texts(connect.path("type_refs"), "type")).contains("Ldalvik/system/DexClassLoader;");
    }

    @Test
    void aFieldComesWithItsReadersAndWriters() throws Exception {
        JsonNode f = s.json("/api/v1/fields/" + id("fields", "field", "Lcom/q/Device;->count:I"));
        assertThat(texts(f.path("readers"), "method")).containsExactly("Lcom/q/Device;->id()Ljava/lang/String;");
        assertThat(texts(f.path("writers"), "method")).containsExactly("Lcom/q/Device;->id()Ljava/lang/String;");
        long string = s.json("/api/v1/strings?value=DES&match=exact").path("rows").get(0).path("id").asLong();
        assertThat(s.json("/api/v1/strings/" + string).path("row").path("method").asText())
                .isEqualTo("Lcom/q/Crypto;->encrypt([B)[B");
    }

    @Test
    void xrefWalksAsTheCliDoes() throws Exception {
        JsonNode callers = s.json("/api/v1/xref/callers?spec=" + enc("Lcom/q/Chain;->l4()V") + "&depth=3");
        assertThat(texts(callers.path("rows"), "method")).containsExactly("Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l2()V",
                "Lcom/q/Chain;->l1()V");
        assertThat(callers.path("columns").get(0).asText()).isEqualTo("method");
        JsonNode dispatch = s.json("/api/v1/xref/callers?spec=" + enc("Lcom/q/Impl;->run()V") + "&dispatch=true");
        assertThat(texts(dispatch.path("rows"), "method")).contains("Lcom/q/Users;->useTask(Lcom/q/Task;)V");
        JsonNode callees = s.json("/api/v1/xref/callees?spec=" + enc("Lcom/q/Chain;->l1()V") + "&depth=2&paths=true");
        assertThat(callees.path("rows").get(1).path("chain")).hasSize(3);
        assertThat(texts(s.json("/api/v1/xref/string-users?spec=DES").path("rows"), "method"))
                .containsExactly("Lcom/q/Crypto;->encrypt([B)[B");
        assertThat(texts(s.json("/api/v1/xref/type-users?spec=" + enc("Ldalvik/system/DexClassLoader;")).path("rows"), "method"))
                .containsExactly("Lcom/q/Device;->connect()V");
        assertThat(texts(s.json("/api/v1/xref/readers?spec=" + enc("Landroid/os/Build;->SERIAL:Ljava/lang/String;"))
                .path("rows"), "method")).containsExactly("Lcom/q/Device;->id()Ljava/lang/String;");
        assertThat(texts(s.json("/api/v1/xref/writers?spec=" + enc("Lcom/q/Device;->url")).path("rows"), "method"))
                .containsExactly("Lcom/q/Device;-><init>()V");
        JsonNode limited = s.json("/api/v1/xref/callers?spec=" + enc("Lcom/q/Chain;->l4()V") + "&depth=3&limit=1");
        assertThat(limited.path("truncated").asBoolean()).isTrue();
        assertThat(s.get("/api/v1/xref/callers?spec=" + enc("Lcom/q/Nope;->x()V")).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/xref/callers?spec=" + enc("Lcom/q/Chain;->l4(V")).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/xref/callers").json().path("message").asText()).contains("'spec' is required");
        assertThat(s.get("/api/v1/xref/callers?spec=x&depth=99").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/xref/sideways?spec=x").status()).isEqualTo(404);
    }

    @Test
    void pathsBetweenTwoMethods() throws Exception {
        JsonNode p = s.json("/api/v1/paths?from=" + enc("Lcom/q/SmsReceiver;->onReceive")
                + "&to=" + enc("Landroid/telephony/SmsManager;->sendTextMessage"));
        assertThat(p.path("paths")).hasSize(1);
        JsonNode path = p.path("paths").get(0);
        assertThat(path.path("length").asInt()).isEqualTo(5);
        assertThat(path.path("chain").get(0).asText()).startsWith("Lcom/q/SmsReceiver;->onReceive(");
        assertThat(path.path("steps").get(0).path("kind").asText()).isEqualTo("static");
        assertThat(s.json("/api/v1/paths?from=" + enc("Lcom/q/Chain;->l4()V") + "&to=" + enc("Lcom/q/Chain;->l1()V"))
                .path("paths")).isEmpty();
        assertThat(s.get("/api/v1/paths?from=x").status()).isEqualTo(400);
    }

    @Test
    void graphsAreNodesAndEdges() throws Exception {
        JsonNode g = s.json("/api/v1/graph/calls?method=" + enc("Lcom/q/Chain;->l2()V"));
        assertThat(texts(g.path("nodes"), "id")).containsExactlyInAnyOrder("Lcom/q/Chain;->l2()V", "Lcom/q/Chain;->l1()V",
                "Lcom/q/Chain;->l3()V");
        List<String> edges = new ArrayList<>();
        for (JsonNode e : g.path("edges")) {
            edges.add(e.path("source").asText() + " > " + e.path("target").asText());
        }
        assertThat(edges).containsExactlyInAnyOrder("Lcom/q/Chain;->l1()V > Lcom/q/Chain;->l2()V",
                "Lcom/q/Chain;->l2()V > Lcom/q/Chain;->l3()V", "Lcom/q/Chain;->l3()V > Lcom/q/Chain;->l2()V");
        JsonNode deep = s.json("/api/v1/graph/calls?method=" + enc("Lcom/q/Chain;->l1()V") + "&direction=callees&depth=4");
        assertThat(texts(deep.path("nodes"), "id")).contains("Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;");
        JsonNode capped = s.json("/api/v1/graph/calls?method=" + enc("Lcom/q/Chain;->l1()V") + "&direction=callees&depth=4&max_nodes=2");
        assertThat(capped.path("nodes").size()).isLessThanOrEqualTo(2);
        assertThat(capped.path("truncated").asBoolean()).isTrue();
        JsonNode framework = s.json("/api/v1/graph/calls?method=" + enc("Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;")
                + "&direction=callers");
        assertThat(framework.path("nodes").get(0).path("defined").asBoolean()).isFalse();
        JsonNode h = s.json("/api/v1/graph/classes?type=" + enc("Lcom/q/Impl;") + "&down=2");
        assertThat(texts(h.path("nodes"), "id")).contains("Lcom/q/Base;", "Lcom/q/Task;", "Ljava/lang/Runnable;", "Lcom/q/Sub;");
        assertThat(s.get("/api/v1/graph/classes?type=nonsense(").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/graph/calls?method=x&direction=up").status()).isEqualTo(400);
    }

    @Test
    void searchAsYouTypeReadsWhatIsTyped() throws Exception {
        JsonNode r = s.json("/api/v1/search?q=encr&limit=5");
        assertThat(texts(r.path("results").path("methods").path("rows"), "method"))
                .containsExactly("Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B", "Lcom/q/Crypto;->encrypt([B)[B");
        JsonNode prefix = s.json("/api/v1/search?q=" + enc("Lcom/q/Ch") + "&kinds=classes");
        assertThat(texts(prefix.path("results").path("classes").path("rows"), "class")).containsExactly("Lcom/q/Chain;");
        assertThat(prefix.path("results").has("strings")).isFalse();
        assertThat(s.json("/api/v1/search?q=evil.example&kinds=strings").path("results").path("strings").path("rows")).isEmpty();
        assertThat(s.json("/api/v1/search?q=https:&kinds=strings").path("results").path("strings").path("rows")).hasSize(1);
        JsonNode anywhere = s.json("/api/v1/search?q=EVIL.example&kinds=strings,methods&match=substring");
        assertThat(anywhere.path("results").path("strings").path("rows")).isEmpty();
        JsonNode smart = s.json("/api/v1/search?q=evil.example&kinds=strings,methods&match=substring");
        assertThat(smart.path("results").path("strings").path("rows")).hasSize(1);
        assertThat(smart.path("results").path("strings").path("ignore_case").asBoolean()).isTrue();
        assertThat(s.get("/api/v1/search?q=x&kinds=apps").status()).isEqualTo(400);
        assertThat(s.get("/api/v1/search").status()).isEqualTo(400);
    }

    @Test
    void packagesOneLevelAtATime() throws Exception {
        JsonNode top = s.json("/api/v1/packages");
        assertThat(texts(top.path("packages"), "name")).containsExactly("com");
        JsonNode q = s.json("/api/v1/packages?package=com/q");
        assertThat(q.path("classes")).hasSize(13);
        assertThat(s.get("/api/v1/packages?package=org/none").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNothingElse() throws Exception {
        JsonNode doc = s.json("/api/openapi.json");
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        TreeSet<String> documented = new TreeSet<>();
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String p = it.next();
            documented.add(p);
            assertThat(doc.path("paths").path(p).has("get")).as(p).isTrue();
            assertThat(doc.path("paths").path(p).size()).as(p + " has only get").isEqualTo(1);
            for (JsonNode param : doc.path("paths").path(p).path("get").path("parameters")) {
                if (param.has("$ref")) {
                    String ref = param.path("$ref").asText().replace("#/components/parameters/", "");
                    assertThat(doc.path("components").path("parameters").has(ref)).as(ref).isTrue();
                }
            }
        }
        TreeSet<String> routes = new TreeSet<>(new dev.quiver.web.api.Api(s.index).router().patterns());
        assertThat(documented).isEqualTo(routes);
    }

    private static List<String> ids(String path) throws Exception {
        JsonNode rows = s.json(path).path("rows");
        List<String> out = new ArrayList<>();
        for (JsonNode r : rows) {
            out.add(r.elements().next().asText());
        }
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.path(field).asText());
        }
        return out;
    }

    static long id(String listing, String column, String value) throws Exception {
        JsonNode rows = s.json("/api/v1/" + listing + "?" + column + "=" + enc(value) + "&match=exact&columns=id").path("rows");
        assertThat(rows).as(value).hasSize(1);
        return rows.get(0).path("id").asLong();
    }

}
