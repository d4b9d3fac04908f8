package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.TestApps;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver serve}'s failures: one line, exit 2, before anything is served. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aPortInUseIsOneLineAndExit2() throws Exception {
        Path db = TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli r = Cli.run("serve", db.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("quiver: error: port " + taken.getLocalPort() + " on 127.0.0.1 is in use; "
                    + "choose another with --port (--port 0 picks a free one)\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aMissingIndexOrBadOptionIsExit2() {
        Cli missing = Cli.run("serve", tmp.resolve("none.db").toString(), "--port", "0");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("quiver: error: no index at ");
        assertThat(Cli.run("serve", "--port", "70000").exit()).isEqualTo(2);
        Cli badBind = Cli.run("serve", tmp.resolve("none.db").toString(), "--bind", "no.such.host.invalid");
        assertThat(badBind.exit()).isEqualTo(2);
    }
}
