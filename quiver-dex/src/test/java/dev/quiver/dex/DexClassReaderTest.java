package dev.quiver.dex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DexClassReaderTest {
    @TempDir
    Path tmp;

    /**
     * baksmali drops a default initial value of a static final field that {@code <clinit>} assigns (the
     * compiler's placeholder); any other static value, default or not, is written.
     */
    @Test
    void staticFinalDefaultAssignedInClinitHasNoInitialValueLikeBaksmali() throws Exception {
        Path dex = TestDex.assembleText(tmp, List.of("""
                .class public Lv/Values;
                .super Ljava/lang/Object;

                .field public static final A:I = 0x0
                .field public static final B:I = 0x0
                .field public static final C:I = 0x7

                .method static constructor <clinit>()V
                    .registers 1

                    const/4 v0, 0x1

                    sput v0, Lv/Values;->A:I

                    sput v0, Lv/Values;->C:I

                    return-void
                .end method
                """), "classes.dex");
        TestDex.index(tmp.resolve("q.db"), 1, dex);

        assertThat(TestDex.rows(tmp.resolve("q.db"),
                "SELECT name || ' ' || ifnull(initial_value, '-') FROM fields ORDER BY name"))
                .containsExactly("A -", "B 0x0", "C 0x7");
    }

    @Test
    void methodsWithoutBodyHaveNoRegistersAndLinesAreZero() throws Exception {
        Path dex = TestDex.assembleText(tmp, List.of("""
                .class public abstract Lv/Abs;
                .super Ljava/lang/Object;

                .method public abstract run(JI)V
                .end method

                .method public static s(JI)V
                    .registers 5

                    return-void
                .end method
                """), "classes.dex");
        TestDex.index(tmp.resolve("q.db"), 1, dex);

        assertThat(TestDex.rows(tmp.resolve("q.db"), "SELECT name || ' ' || flags || ' ' || ifnull(registers, '-')"
                + " || ' ' || ifnull(locals, '-') || ' ' || first_line || ' ' || last_line FROM methods ORDER BY name"))
                .containsExactly("run public abstract - - 0 0", "s public static 5 2 0 0"); // locals = 5 - (J=2 + I=1)
    }
}
