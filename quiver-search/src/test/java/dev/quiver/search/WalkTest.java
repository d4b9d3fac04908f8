package dev.quiver.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.search.print.OutputOptions.Mode;
import dev.quiver.search.walk.WalkOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkTest {
    @TempDir
    Path dir;

    private void file(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private List<String> files(WalkOptions.Builder walk) throws InterruptedException {
        SearchRun r = SearchRun.of("", dir);
        r.output.mode(Mode.FILES);
        r.walk = walk;
        r.run();
        return r.sortedLines().stream().map(s -> s.substring(dir.toString().length() + 1)).toList();
    }

    @Test
    void hiddenFilesAndDirectoriesAreSkippedUnlessAsked() throws Exception {
        file("a.txt", "x");
        file(".hidden.txt", "x");
        file(".dir/b.txt", "x");
        assertThat(files(WalkOptions.builder())).containsExactly("a.txt");
        assertThat(files(WalkOptions.builder().hidden(true)))
                .containsExactly(".dir/b.txt", ".hidden.txt", "a.txt");
    }

    @Test
    void gitignoreIsHonouredInsideARepositoryAndIgnoreFilesAlways() throws Exception {
        file("a.log", "x");
        file("keep.log", "x");
        file("build/out.txt", "x");
        file("src/Main.java", "x");
        file("src/gen/G.java", "x");
        file(".gitignore", "*.log\n!keep.log\nbuild/\n");
        file("src/.ignore", "gen\n");
        assertThat(files(WalkOptions.builder())).as("no .git: .gitignore is not read")
                .containsExactly("a.log", "build/out.txt", "keep.log", "src/Main.java");
        Files.createDirectory(dir.resolve(".git"));
        assertThat(files(WalkOptions.builder())).containsExactly("keep.log", "src/Main.java");
        assertThat(files(WalkOptions.builder().noIgnore(true)))
                .containsExactly("a.log", "build/out.txt", "keep.log", "src/Main.java", "src/gen/G.java");
    }

    @Test
    void globsIncludeAndExclude() throws Exception {
        file("a/x.smali", "x");
        file("a/y.xml", "x");
        file("b/z.smali", "x");
        assertThat(files(WalkOptions.builder().globs(List.of("*.smali"))))
                .containsExactly("a/x.smali", "b/z.smali");
        assertThat(files(WalkOptions.builder().globs(List.of("!b/"))))
                .containsExactly("a/x.smali", "a/y.xml");
        assertThat(files(WalkOptions.builder().globs(List.of("a/**", "!*.xml"))))
                .containsExactly("a/x.smali");
    }

    @Test
    void typesSelectByExtension() throws Exception {
        file("A.smali", "x");
        file("B.java", "x");
        file("C.kt", "x");
        assertThat(files(WalkOptions.builder().types(List.of("smali", "kotlin"))))
                .containsExactly("A.smali", "C.kt");
        SearchRun r = SearchRun.of("", dir);
        r.output.mode(Mode.FILES);
        r.walk = WalkOptions.builder().typesNot(List.of("java"));
        assertThat(r.run().sortedLines()).hasSize(2).noneMatch(s -> s.endsWith(".java"));
    }

    @Test
    void blackArrowIgnoreWorksOnThePathAndNameOnTheFileName() throws Exception {
        file("build/a.txt", "x");
        file("rebuild.txt", "x");
        file("src/DigitList.java", "x");
        file("src/legit.txt", "x");
        WalkOptions.Builder ignoreBuildDir = WalkOptions.builder().ignoreRegexes(List.of("^build/"));
        assertThat(files(ignoreBuildDir)).containsExactly("rebuild.txt", "src/DigitList.java", "src/legit.txt");
        WalkOptions.Builder names = WalkOptions.builder().nameRegexes(List.of("\\.java$"));
        assertThat(files(names)).containsExactly("src/DigitList.java");
    }

    @Test
    void maxDepthIsRelativeToEachRoot() throws Exception {
        file("a.txt", "x");
        file("d1/b.txt", "x");
        file("d1/d2/c.txt", "x");
        assertThat(files(WalkOptions.builder().maxDepth(1))).containsExactly("a.txt");
        assertThat(files(WalkOptions.builder().maxDepth(2))).containsExactly("a.txt", "d1/b.txt");
    }

    @Test
    void sortedOutputIsStableAndSameAsOneThread() throws Exception {
        for (int i = 0; i < 200; i++) {
            file("d" + (i % 7) + "/f" + i + ".txt", "hit " + i + "\nmiss\nhit again\n");
        }
        file("d6-x/z.txt", "hit\n");
        SearchRun parallel = SearchRun.of("hit", dir);
        parallel.config.sortByPath(true);
        parallel.config.threads(4);
        SearchRun single = SearchRun.of("hit", dir);
        single.config.sortByPath(true);
        single.config.threads(1);
        assertThat(parallel.run().output()).isEqualTo(single.run().output());
        List<String> lines = parallel.lines();
        assertThat(lines).hasSize(401);
        assertThat(lines.get(0)).startsWith(dir + "/d0/f0.txt:1:");
        assertThat(lines.get(lines.size() - 2)).startsWith(dir + "/d6/f97.txt:3:");
        assertThat(lines.get(lines.size() - 1)).as("d6 sorts before d6-x, as in a listing").startsWith(dir + "/d6-x/z.txt:1:");
    }

    @Test
    void blocksNeverInterleave() throws Exception {
        for (int i = 0; i < 50; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 500; k++) {
                sb.append("hit ").append(k).append('\n');
            }
            file("f" + i + ".txt", sb.toString());
        }
        SearchRun r = SearchRun.of("hit", dir);
        r.config.threads(4);
        List<String> lines = r.run().lines();
        assertThat(lines).hasSize(50 * 500);
        for (int i = 0; i < lines.size(); i += 500) {
            String path = lines.get(i).substring(0, lines.get(i).indexOf(':'));
            for (int k = 0; k < 500; k++) {
                assertThat(lines.get(i + k)).startsWith(path + ":" + (k + 1) + ":hit " + k);
            }
        }
    }
}
