package dev.quiver.core.smali;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.TestTrees;
import dev.quiver.core.model.ParsedUnit;
import dev.quiver.core.model.Problem;
import dev.quiver.core.pipeline.InputFormat;
import dev.quiver.core.pipeline.InputFormats;
import dev.quiver.core.pipeline.UnitConsumer;
import dev.quiver.core.pipeline.WorkUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmaliTreeFormatTest {
    @TempDir
    Path tmp;

    private List<WorkUnit> units(InputFormat f, Path input) throws Exception {
        List<WorkUnit> out = new ArrayList<>();
        f.enumerate(input, new UnitConsumer() {
            @Override
            public void expect(long units, long bytes) {
            }

            @Override
            public void accept(WorkUnit unit) {
                out.add(unit);
            }
        });
        return out;
    }

    @Test
    void filesAreEnumeratedInSortedOrderAtEveryDepth() throws Exception {
        TestTrees.write(tmp, "b/Z.smali", "x");
        TestTrees.write(tmp, "a/deep/er/Y.smali", "x");
        TestTrees.write(tmp, "A.smali", "x");
        TestTrees.write(tmp, "a/X.smali", "x");
        TestTrees.write(tmp, "a/readme.txt", "x");
        assertThat(units(new SmaliTreeFormat(), tmp)).extracting(WorkUnit::path)
                .containsExactly("A.smali", "a/X.smali", "a/deep/er/Y.smali", "b/Z.smali");
    }

    @Test
    void suffixWithOrWithoutDotMeansTheSame() throws Exception {
        TestTrees.write(tmp, "A.smali", "x");
        TestTrees.write(tmp, "B.java", "x");
        assertThat(units(new SmaliTreeFormat("smali"), tmp)).extracting(WorkUnit::path).containsExactly("A.smali");
        assertThat(units(new SmaliTreeFormat(".java"), tmp)).extracting(WorkUnit::path).containsExactly("B.java");
    }

    @Test
    void theServiceLoaderFindsTheSmaliFormatAndGivesItTheRunSuffix() throws Exception {
        TestTrees.write(tmp, "A.smali", "x");
        TestTrees.write(tmp, "B.java", "x");
        InputFormat f = new InputFormats(".java").forPath(tmp);
        assertThat(f.name()).isEqualTo("smali");
        assertThat(units(f, tmp)).extracting(WorkUnit::path).containsExactly("B.java");
    }

    @Test
    void aFileThatCannotBeReadIsAnIoProblemNotACrash() throws Exception {
        // Works as root too (where permission bits do not stop reads): the file vanishes after the walk.
        Path gone = TestTrees.write(tmp, "Gone.smali", TestTrees.classSource("LGone;", "g"));
        List<WorkUnit> u = units(new SmaliTreeFormat(), tmp);
        Files.delete(gone);
        ParsedUnit p = u.get(0).read();
        assertThat(p.classes()).isEmpty();
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(Problem.Kind.IO);
            assertThat(pr.path()).isEqualTo("Gone.smali");
            assertThat(pr.message()).startsWith("cannot read file:");
        });
    }

    @Test
    void aSingleFileIsItsOwnInput() throws Exception {
        Path one = TestTrees.write(tmp, "pkg/One.smali", TestTrees.classSource("LOne;", "one"));
        List<WorkUnit> u = units(new SmaliTreeFormat(), one);
        assertThat(u).extracting(WorkUnit::path).containsExactly("One.smali");
        assertThat(u.get(0).read().classes()).hasSize(1);
    }

    @Test
    void aFileOverTheSizeLimitIsReportedWithoutBeingRead() throws Exception {
        Path huge = tmp.resolve("Huge.smali");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(SmaliTreeFormat.MAX_FILE_BYTES + 1); // sparse: no disk, no time
        }
        TestTrees.write(tmp, "Small.smali", TestTrees.classSource("LSmall;", "s"));
        List<WorkUnit> u = units(new SmaliTreeFormat(), tmp);
        assertThat(u).extracting(WorkUnit::path).containsExactly("Huge.smali", "Small.smali");
        ParsedUnit p = u.get(0).read();
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(Problem.Kind.SKIPPED);
            assertThat(pr.message()).startsWith("file too large (" + (SmaliTreeFormat.MAX_FILE_BYTES + 1) + " bytes");
        });
        assertThat(u.get(1).read().classes()).hasSize(1);
    }
}
