package dev.quiver.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.core.TestApps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names an index knows, for completion: class descriptors by prefix, and a class's members. */
class NamesTest {
    @TempDir
    Path tmp;

    @Test
    void classesDefinedOrReferencedSortedByPrefix() throws Exception {
        try (Index index = Index.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")))) {
            Names names = Names.of(index, null);
            assertThat(names.classesStartingWith("Lcom/q/U"))
                    .containsExactly("Lcom/q/UnderXscore;", "Lcom/q/Under_score;", "Lcom/q/Users;");
            assertThat(names.classesStartingWith("Lcom/q/Ü")).containsExactly("Lcom/q/Ünï$Inner;");
            // framework classes the app only references are names too; array types are not
            assertThat(names.classesStartingWith("Landroid/")).containsExactly("Landroid/content/BroadcastReceiver;",
                    "Landroid/os/Build;", "Landroid/telephony/SmsManager;");
            assertThat(names.classesStartingWith("Ldalvik/")).as("only new-instance and const-class name it")
                    .containsExactly("Ldalvik/system/DexClassLoader;");
            assertThat(names.classesStartingWith("L")).hasSize(names.classCount()).isSorted();
            assertThat(names.classesStartingWith("Lnothing/")).isEmpty();
            assertThat(names.classesStartingWith("")).hasSize(names.classCount());
            assertThatThrownBy(() -> names.classesStartingWith("L").set(0, "x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void membersAreMethodsAndFieldsOverloadsApartFrameworkToo() throws Exception {
        try (Index index = Index.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")))) {
            Names names = Names.of(index, null);
            assertThat(names.members("Lcom/q/Device;", null)).containsExactly("Lcom/q/Device;-><init>()V",
                    "Lcom/q/Device;->connect()V", "Lcom/q/Device;->count:I", "Lcom/q/Device;->id()Ljava/lang/String;",
                    "Lcom/q/Device;->url:Ljava/lang/String;");
            assertThat(names.members("Lcom/q/Crypto;", null)).contains("Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B",
                    "Lcom/q/Crypto;->encrypt([B)[B");
            assertThat(names.members("Landroid/os/Build;", null)).containsExactly("Landroid/os/Build;->SERIAL:Ljava/lang/String;");
            assertThat(names.members("Lno/Such;", null)).isEmpty();
        }
    }

    /** 100k classes (the size of the Android framework): a prefix is answered without a scan. */
    @Test
    void aHundredThousandClassesAnswerAPrefixFast() throws Exception {
        Path db = TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("big.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO method_ids (class, name, descriptor) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 100_000; i++) {
                    ps.setString(1, "Lp" + (i % 300) + "/q" + (i % 7) + "/C" + i + ";");
                    ps.setString(2, "m");
                    ps.setString(3, "()V");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        try (Index index = Index.open(db)) {
            Names names = Names.of(index, null);
            assertThat(names.classCount()).isGreaterThan(100_000);
            int expected = 0;
            for (int i = 0; i < 100_000; i++) {
                expected += ("p" + (i % 300)).startsWith("p1") ? 1 : 0;
            }
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 20; round++) {
                long t = System.nanoTime();
                List<String> hits = names.classesStartingWith("Lp1");
                best = Math.min(best, System.nanoTime() - t);
                assertThat(hits).hasSize(expected).allMatch(h -> h.startsWith("Lp1"));
            }
            // Two binary searches: microseconds. The bound leaves room for a loaded machine.
            assertThat(best).isLessThan(5_000_000L);
        }
    }
}
