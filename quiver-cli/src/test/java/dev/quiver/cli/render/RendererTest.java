package dev.quiver.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.query.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
    private static final List<Column> COLS = List.of(Column.of("depth", Column.Type.INTEGER, ""),
            Column.of("method", Column.Type.TEXT, ""), Column.of("path", Column.Type.TEXT, ""));

    private static String render(Format f, int width, Object[]... rows) throws Exception {
        StringWriter w = new StringWriter();
        Renderer r = Renderer.of(f, new PrintWriter(w), width);
        r.columns(COLS);
        for (Object[] row : rows) {
            r.row(row);
        }
        r.finish();
        return w.toString();
    }

    @Test
    void aTableFitsTheTerminalByShorteningTheWidestColumnNeverWrapping() throws Exception {
        String out = render(Format.TABLE, 40,
                new Object[] {1L, "Lcom/example/very/long/package/Name;->method()V", "a.smali"},
                new Object[] {12L, "Lb;->c()V", "b.smali"});
        assertThat(out.split("\n")).containsExactly(
                "depth  method                    path",
                "    1  Lcom/example/very/long/…  a.smali",
                "   12  Lb;->c()V                 b.smali");
        for (String line : out.split("\n")) {
            assertThat(Cells.width(line)).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void attackerTextNeverReachesTheTerminalRaw() throws Exception {
        String evil = "a\u001b[2Jb\nc\u202Ed\te\\";
        String tsv = render(Format.TSV, 0, new Object[] {1L, evil, null});
        assertThat(tsv).isEqualTo("1\ta\\x1b[2Jb\\nc\\u202ed\\te\\\\\t\n");
        String table = render(Format.TABLE, 0, new Object[] {1L, evil, "p"});
        assertThat(table).doesNotContain("\u001b").doesNotContain("\u202E");
        assertThat(table.split("\n")).hasSize(2);
    }

    @Test
    void jsonAndCsvKeepFullValuesExactly() throws Exception {
        String evil = "<script>\"x\",\ny</script>";
        assertThat(render(Format.JSON, 0, new Object[] {2L, evil, null}))
                .isEqualTo("{\"depth\":2,\"method\":\"<script>\\\"x\\\",\\ny</script>\",\"path\":null}\n");
        assertThat(render(Format.CSV, 0, new Object[] {2L, evil, List.of("a", "b")}))
                .isEqualTo("depth,method,path\r\n2,\"<script>\"\"x\"\",\ny</script>\",a | b\r\n");
    }

    @Test
    void wideCharactersCountTwoColumns() {
        assertThat(Cells.width("漢字ab")).isEqualTo(6);
        assertThat(Cells.shorten("漢字漢字", 5)).isEqualTo("漢字…");
    }
}
