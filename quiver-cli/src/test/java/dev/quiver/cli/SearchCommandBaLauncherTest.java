package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bin/ba} maps Black Arrow's options onto {@code quiver search} (checked with BA_PRINT=1). */
class SearchCommandBaLauncherTest {
    private static final Path BA = Path.of("..", "bin", "ba");

    private String translate(String... args) throws Exception {
        assumeTrue(Files.isExecutable(BA), "bin/ba present");
        List<String> cmd = new ArrayList<>(List.of("bash", BA.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("BA_PRINT", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void blackArrowOptionsAreMapped() throws Exception {
        assertThat(translate("-d", "src", "lib", "-i", "build", "-f", "Foo", "-w", "3", "-p", "-D", "2", "needle"))
                .isEqualTo("quiver search --ignore build --name Foo -j 3 --pipe --max-depth 2 -S -e needle -- src lib");
    }

    @Test
    void replaceWritesSafelyAndLowerTurnsSmartCaseOff() throws Exception {
        assertThat(translate("-l", "-r", "new", "-m", "-e", "old"))
                .isEqualTo("quiver search --replace new --write -o --edit -s -e old --");
    }
}
