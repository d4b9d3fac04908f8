package dev.quiver.web;

import static dev.quiver.web.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.core.TestApps;
import dev.quiver.web.http.Headers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate every request passes: read-only, no traversal, Host check, headers, limits, timeouts. */
class HttpSecurityTest {
    @TempDir
    static Path tmp;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = new TestServer(TestApps.database(List.of(TestApps.ANALYSIS, TestApps.HOSTILE), tmp, tmp.resolve("s.db")));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
    void onlyGetAndHeadAreAnswered(String method) throws Exception {
        for (String path : List.of("/api/classes", "/api/classes/1", "/api/v1/classes", "/api/v1/stats", "/", "/ui/app.js",
                "/api/const_strings")) {
            TestServer.Reply r = s.send(method, path);
            assertThat(r.status()).as(method + " " + path).isEqualTo(405);
            if (!method.equals("TRACE")) {
                assertThat(r.json().path("status").asInt()).isEqualTo(405);
                assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
            }
        }
    }

    @Test
    void headAnswersWithoutBody() throws Exception {
        TestServer.Reply r = s.send("HEAD", "/api/v1/stats");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aRequestWithABodyIsRefused() throws Exception {
        String raw = s.raw("GET /api/v1/stats HTTP/1.1", "Content-Length: 5", "Content-Type: text/plain");
        assertThat(raw).startsWith("HTTP/1.1 413");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/../openapi.json", "/ui/%2e%2e/openapi.json", "/ui/..%2fapp.js", "/%2e%2e/%2e%2e/etc/passwd",
        "/ui/%252e%252e/app.js", "/../../../../etc/passwd", "/ui/app.js%00.txt", "/ui//app.js",
        "/dev/quiver/web/openapi.json", "/ui/files.txt", "/ui/", "/ui/..\\app.js", "/WEB-INF/x",
        "/ui/app.js/..", "/%2fetc%2fpasswd"})
    void traversalReachesNothingButTheListedFiles(String path) throws Exception {
        String raw = s.raw("GET " + path + " HTTP/1.1");
        String status = raw.substring(9, 12);
        assertThat(status).as(path + " → " + raw.lines().findFirst().orElse("")).isIn("400", "404");
        assertThat(raw).doesNotContain("root:x:0").doesNotContain("export function").doesNotContain("\"openapi\"");
        assertThat(raw).contains("X-Content-Type-Options: nosniff").contains("\"status\":" + status);
    }

    @Test
    void dotSegmentsAreResolvedBeforeTheTableIsAsked() throws Exception {
        // Jetty removes unambiguous dot segments first: these name a listed file, and get nothing else.
        assertThat(s.raw("GET /ui/./app.js HTTP/1.1")).startsWith("HTTP/1.1 200").contains("import {el, append");
        assertThat(s.raw("GET /api/../ui/app.js HTTP/1.1")).startsWith("HTTP/1.1 200").contains("import {el, append");
    }

    @Test
    void theUiFilesAreServedWithTheirTypesAndAStrictPolicy() throws Exception {
        TestServer.Reply index = s.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>").doesNotContain("<script>");
        assertThat(index.header("Content-Security-Policy")).isEqualTo(Headers.CSP)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(index.header("X-Frame-Options")).isEqualTo("DENY");
        TestServer.Reply js = s.get("/ui/app.js");
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.body()).doesNotContain("innerHTML").doesNotContain("eval(").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write");
        for (String f : List.of("/ui/dom.js", "/ui/graph.js")) {
            assertThat(s.get(f).body()).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("eval(");
        }
        String etag = js.header("ETag");
        String again = s.raw("GET /ui/app.js HTTP/1.1", "If-None-Match: " + etag);
        assertThat(again).startsWith("HTTP/1.1 304");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/api/v1/stats", "/api/v1/nothing", "/api/v1/classes?limit=x", "/nope")) {
            TestServer.Reply r = s.get(path);
            assertThat(r.header("Content-Security-Policy")).as(path).isEqualTo(Headers.CSP);
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Content-Type")).as(path).isNotNull();
        }
        String jettyLevel = s.raw("GET /ui/%2e%2e/x HTTP/1.1");
        assertThat(jettyLevel).contains("Content-Security-Policy: " + Headers.CSP);
    }

    @Test
    void aForeignHostNameIsRefusedOnLoopback() throws Exception {
        String evil = s.raw("GET /api/v1/stats HTTP/1.1", "Host: attacker.example:" + s.uri().getPort());
        assertThat(evil).startsWith("HTTP/1.1 403").contains("DNS rebinding");
        for (String ok : List.of("localhost", "127.0.0.1", "[::1]")) {
            assertThat(s.raw("GET /api/v1/stats HTTP/1.1", "Host: " + ok + ":" + s.uri().getPort()))
                    .as(ok).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void errorsAreOneLineOfJsonNeverAStackTrace() throws Exception {
        for (String path : List.of("/api/v1/classes?limit=-3", "/api/v1/methods/123456", "/api/v1/xref/callers?spec=" + enc("((("),
                "/api/classes?q=" + enc("{bad json"), "/api/v1/strings?value=" + enc("[") + "&match=regex")) {
            TestServer.Reply r = s.get(path);
            assertThat(r.status()).as(path).isBetween(400, 404);
            JsonNode j = r.json();
            assertThat(j.path("status").asInt()).isEqualTo(r.status());
            assertThat(j.path("message").asText()).as(path).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }
        String malformed = s.raw("GET /api/v1/stats?x=%zz HTTP/1.1");
        assertThat(malformed).startsWith("HTTP/1.1 400").doesNotContain("Exception");
        String huge = s.raw("GET /api/v1/stats?x=" + "a".repeat(40_000) + " HTTP/1.1");
        assertThat(huge).matches("(?s)HTTP/1.1 (414|431|400).*");
    }

    @Test
    void aRunawayRegexIsStoppedByTheDeadline() throws Exception {
        try (TestServer quick = new TestServer(tmp.resolve("s.db"), 300)) {
            long t0 = System.nanoTime();
            TestServer.Reply r = quick.get("/api/v1/methods?method=" + enc("(.*){1,32000}[bc]") + "&match=regex");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().path("message").asText()).contains("took longer than");
            assertThat(ms).isLessThan(5_000);
            assertThat(quick.get("/api/v1/stats").status()).isEqualTo(200);
        }
    }

    @Test
    void hostileNamesComeBackAsJsonStringsUnchanged() throws Exception {
        JsonNode rows = s.json("/api/v1/classes?app=2&columns=class").path("rows");
        assertThat(ApiTest.texts(rows, "class")).contains("Lcom/evil/<script>window.__pwned=3</script>;",
                "Lcom/evil/Q\"'><img/src=x/onerror=window.__pwned=4>;", "Lcom/evil/Rtl\u202etxt.exe;");
        String body = s.get("/api/v1/strings?app=2").body();
        assertThat(body).contains("\\\"'><img src=x onerror=\\\"window.__pwned=2\\\">").contains("\\n");
        long rtl = s.json("/api/v1/methods?method=" + enc("gnp\u202eexe") + "&columns=id").path("rows").get(0).path("id").asLong();
        JsonNode code = s.json("/api/v1/methods/" + rtl).path("code");
        assertThat(code.path("lines").get(0).path("text").asText()).contains("gnp\u202eexe");
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        int port = s.uri().getPort();
        try (var index = dev.quiver.core.query.Index.open(tmp.resolve("s.db"))) {
            WebServer.StartException e = org.junit.jupiter.api.Assertions.assertThrows(WebServer.StartException.class,
                    () -> WebServer.start(index, new WebServer.Config("127.0.0.1", port, 1000)));
            assertThat(e.getMessage()).isEqualTo("port " + port + " on 127.0.0.1 is in use; choose another with --port "
                    + "(--port 0 picks a free one)");
        }
    }

    @Test
    void codeOfAMovedFileSaysSo() throws Exception {
        Path work = tmp.resolve("moved");
        Path db = TestApps.database(TestApps.ANALYSIS, work, tmp.resolve("moved.db"));
        Files.delete(work.resolve("analysis-smali").resolve("Chain.smali"));
        try (TestServer m = new TestServer(db)) {
            long id = m.json("/api/v1/methods?method=" + enc("Lcom/q/Chain;->l1()V") + "&match=exact&columns=id")
                    .path("rows").get(0).path("id").asLong();
            JsonNode code = m.json("/api/v1/methods/" + id).path("code");
            assertThat(code.path("lines")).isEmpty();
            assertThat(code.path("note").asText()).contains("Chain.smali").contains("not there any more");
        }
    }
}
