package dev.quiver.web;

import static dev.quiver.web.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.core.TestApps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smalisca's REST API, as its users' scripts call it (Flask-Restless 0.17 shapes and query language). */
class SmaliscaApiTest {
    @TempDir
    static Path tmp;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = new TestServer(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("sm.db")));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode q(String table, String query) throws Exception {
        return s.json("/api/" + table + "?q=" + enc(query) + "&results_per_page=100");
    }

    static List<String> col(JsonNode page, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : page.path("objects")) {
            out.add(o.path(name).asText());
        }
        return out;
    }

    @Test
    void collectionsHaveFlaskRestlessShapeAndPaging() throws Exception {
        JsonNode p = s.json("/api/classes");
        assertThat(p.path("num_results").asInt()).isEqualTo(13);
        assertThat(p.path("page").asInt()).isEqualTo(1);
        assertThat(p.path("total_pages").asInt()).isEqualTo(2);
        assertThat(p.path("objects")).hasSize(10);
        JsonNode second = s.json("/api/classes?page=2");
        assertThat(second.path("objects")).hasSize(3);
        assertThat(s.json("/api/classes?page=3").path("objects")).isEmpty();
        assertThat(s.json("/api/classes?results_per_page=5").path("total_pages").asInt()).isEqualTo(3);
        assertThat(s.json("/api/classes?results_per_page=0").path("objects")).hasSize(10);
        assertThat(s.json("/api/methods?results_per_page=1000").path("objects")).hasSize(34);
        assertThat(s.get("/api/classes?page=0").status()).isEqualTo(400);
        JsonNode cls = p.path("objects").get(0);
        assertThat(cls.path("class_name").asText()).isEqualTo("Lcom/q/Base");
        assertThat(cls.path("class_type").asText()).isEqualTo("public abstract");
        assertThat(cls.path("class_package").asText()).isEqualTo("Lcom.q"); // smalisca kept the L
        assertThat(cls.path("depth").asInt()).isEqualTo(3);
        assertThat(cls.path("path").asText()).isEqualTo("Base.smali");
        assertThat(col(cls.path("methods").isArray() ? wrap(cls.path("methods")) : null, "method_name")).containsExactly("<init>");
        for (String t : List.of("properties", "methods", "const_strings", "calls")) {
            JsonNode page = s.json("/api/" + t);
            assertThat(page.has("num_results") && page.has("objects") && page.has("page") && page.has("total_pages")).as(t).isTrue();
        }
    }

    private static JsonNode wrap(JsonNode array) {
        return TestServer.JSON.createObjectNode().set("objects", array);
    }

    @Test
    void objectsCarrySmaliscasColumns() throws Exception {
        JsonNode call = q("calls", "{\"filters\":[{\"name\":\"dst_method\",\"op\":\"==\",\"val\":\"sendTextMessage\"}]}")
                .path("objects").get(0);
        assertThat(call.path("from_class").asText()).isEqualTo("Lcom/q/Chain");
        assertThat(call.path("from_method").asText()).isEqualTo("l4");
        assertThat(call.path("local_args").asText()).isEqualTo("{v0 .. v5}");
        assertThat(call.path("dst_class").asText()).isEqualTo("Landroid/telephony/SmsManager");
        assertThat(call.path("dst_args").asText()).isEqualTo("Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
                + "Landroid/app/PendingIntent;Landroid/app/PendingIntent;");
        assertThat(call.path("ret").asText()).isEqualTo("V");
        JsonNode m = s.json("/api/methods/" + call.path("id").asLong());
        assertThat(m.has("method_name")).isTrue();
        JsonNode prop = q("properties", "{\"filters\":[{\"name\":\"property_name\",\"op\":\"==\",\"val\":\"url\"}]}")
                .path("objects").get(0);
        assertThat(prop.path("property_type").asText()).isEqualTo("Ljava/lang/String");
        assertThat(prop.path("property_info").asText()).isEqualTo("private");
        assertThat(prop.path("property_class").asText()).isEqualTo("Lcom/q/Device");
        JsonNode str = q("const_strings", "{\"filters\":[{\"name\":\"const_string_value\",\"op\":\"==\",\"val\":\"DES\"}]}")
                .path("objects").get(0);
        assertThat(str.path("const_string_class").asText()).isEqualTo("Lcom/q/Crypto");
        assertThat(str.path("const_string_var").isNull()).isTrue();
        assertThat(s.get("/api/calls/999999").status()).isEqualTo(404);
        assertThat(s.get("/api/const_strings/" + str.path("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    void likeKeepsItsSqlWildcards() throws Exception {
        // % is any run, _ any one character, case is ignored: a_b%c matches "a_b%c" and "aXb%c"; A_B% too
        assertThat(col(q("const_strings", "{\"filters\":[{\"name\":\"const_string_value\",\"op\":\"like\",\"val\":\"a_b%c\"}]}"),
                "const_string_value")).containsExactly("a_b%c", "aXb%c");
        assertThat(col(q("const_strings", "{\"filters\":[{\"name\":\"const_string_value\",\"op\":\"like\",\"val\":\"A_B%\"}]}"),
                "const_string_value")).containsExactly("a_b%c", "aXb%c");
        assertThat(col(q("classes", "{\"filters\":[{\"name\":\"class_name\",\"op\":\"like\",\"val\":\"%under_score\"}]}"),
                "class_name")).containsExactly("Lcom/q/UnderXscore", "Lcom/q/Under_score");
        // * and ? are not wildcards in LIKE
        assertThat(q("const_strings", "{\"filters\":[{\"name\":\"const_string_value\",\"op\":\"like\",\"val\":\"*\"}]}")
                .path("num_results").asInt()).isZero();
        assertThat(col(q("const_strings", "{\"filters\":[{\"name\":\"const_string_value\",\"op\":\"not_like\",\"val\":\"%e%\"}]}"),
                "const_string_value")).containsExactly("+15550100", "a_b%c", "aXb%c"); // "DES" has an E: LIKE ignores case
    }

    @Test
    void comparisonsInAndNull() throws Exception {
        JsonNode neq = q("classes", "{\"filters\":[{\"name\":\"class_package\",\"op\":\"!=\",\"val\":\"Lcom.q\"}]}");
        assertThat(neq.path("num_results").asInt()).isZero();
        JsonNode in = q("methods", "{\"filters\":[{\"name\":\"method_name\",\"op\":\"in\",\"val\":[\"l1\",\"l2\"]}]}");
        assertThat(col(in, "method_name")).containsExactly("l1", "l2");
        JsonNode ids = q("methods", "{\"filters\":[{\"name\":\"id\",\"op\":\"in\",\"val\":[1,2]}]}");
        assertThat(col(ids, "id")).containsExactly("1", "2");
        JsonNode gt = q("classes", "{\"filters\":[{\"name\":\"id\",\"op\":\">\",\"val\":11}]}");
        assertThat(col(gt, "id")).containsExactly("12", "13");
        JsonNode lt = q("classes", "{\"filters\":[{\"name\":\"id\",\"op\":\"<\",\"val\":\"3\"}]}");
        assertThat(col(lt, "id")).containsExactly("1", "2");
        JsonNode depth = q("classes", "{\"filters\":[{\"name\":\"depth\",\"op\":\"==\",\"val\":3}]}");
        assertThat(depth.path("num_results").asInt()).isEqualTo(13);
        assertThat(q("classes", "{\"filters\":[{\"name\":\"path\",\"op\":\"is_null\"}]}").path("num_results").asInt()).isZero();
        assertThat(q("classes", "{\"filters\":[{\"name\":\"path\",\"op\":\"is_not_null\"}]}").path("num_results").asInt()).isEqualTo(13);
        assertThat(q("const_strings", "{\"filters\":[{\"name\":\"const_string_var\",\"op\":\"is_null\"}]}").path("num_results").asInt())
                .isEqualTo(7);
        JsonNode exact = q("classes", "{\"filters\":[{\"name\":\"class_name\",\"op\":\"==\",\"val\":\"Lcom/q/Sub\"}]}");
        assertThat(col(exact, "class_name")).containsExactly("Lcom/q/Sub");
        JsonNode both = q("calls", "{\"filters\":[{\"name\":\"from_class\",\"op\":\"==\",\"val\":\"Lcom/q/Users\"},"
                + "{\"name\":\"dst_args\",\"op\":\"==\",\"val\":\"[B\"}]}");
        assertThat(both.path("num_results").asInt()).isEqualTo(2);
    }

    @Test
    void orderLimitOffsetAndSingle() throws Exception {
        JsonNode desc = q("classes", "{\"order_by\":[{\"field\":\"class_name\",\"direction\":\"desc\"}],\"limit\":2}");
        assertThat(col(desc, "class_name")).containsExactly("Lcom/q/Ünï$Inner", "Lcom/q/Users");
        assertThat(desc.path("num_results").asInt()).isEqualTo(2);
        JsonNode off = q("classes", "{\"order_by\":[{\"field\":\"id\",\"direction\":\"asc\"}],\"offset\":11}");
        assertThat(col(off, "id")).containsExactly("12", "13");
        JsonNode single = q("classes", "{\"filters\":[{\"name\":\"class_name\",\"op\":\"==\",\"val\":\"Lcom/q/Sub\"}],\"single\":true}");
        assertThat(single.path("class_name").asText()).isEqualTo("Lcom/q/Sub");
        assertThat(s.get("/api/classes?q=" + enc("{\"single\":true}")).status()).isEqualTo(400);
        assertThat(s.get("/api/classes?q=" + enc("{\"filters\":[{\"name\":\"id\",\"op\":\"==\",\"val\":999}],\"single\":true}"))
                .status()).isEqualTo(404);
    }

    @Test
    void whatItCannotDoIsA400() throws Exception {
        for (String bad : List.of("not json", "[1]", "{\"filters\":[{\"name\":\"nope\",\"op\":\"==\",\"val\":1}]}",
                "{\"filters\":[{\"name\":\"id\",\"op\":\"has\",\"val\":1}]}",
                "{\"filters\":[{\"name\":\"id\",\"op\":\"~\",\"val\":1}]}",
                "{\"filters\":[{\"name\":\"id\",\"op\":\"in\",\"val\":1}]}",
                "{\"filters\":[{\"name\":\"id\",\"op\":\"==\",\"field\":\"depth\"}]}",
                "{\"disjunction\":true}", "{\"order_by\":[{\"field\":\"depth\"}]}", "{\"limit\":-1}", "{\"bogus\":1}")) {
            TestServer.Reply r = s.get("/api/classes?q=" + enc(bad));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().path("message").asText()).as(bad).isNotBlank();
        }
    }
}
