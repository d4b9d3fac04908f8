package dev.quiver.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.cli.query.Session;
import dev.quiver.cli.shell.smalisca.SmaliscaCommands;
import dev.quiver.core.TestApps;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion: commands, options, option values, and names from the open index. */
class ShellCompleterTest {
    @TempDir
    static Path tmp;
    static ShellCompleter quiver;
    static ShellCompleter analyzer;

    @BeforeAll
    static void open() throws Exception {
        Session.open(TestApps.database(TestApps.ANALYSIS, tmp, tmp.resolve("a.db")));
        PrintWriter sink = new PrintWriter(new StringWriter());
        quiver = new ShellCompleter(new Shell(Shell.Flavor.QUIVER, sink, sink, List.of()).tree());
        analyzer = new ShellCompleter(new Shell(Shell.Flavor.ANALYZER, sink, sink, List.of(new SmaliscaCommands())).tree());
    }

    @AfterAll
    static void close() {
        Session.close();
    }

    /** The candidates for the last word of {@code typed} (JLine keeps those starting with it). */
    private static List<String> complete(ShellCompleter c, String typed) {
        ShellLine l = ShellLine.parse(typed);
        List<String> words = new java.util.ArrayList<>(l.words());
        if (l.wordIndex() == words.size()) {
            words.add("");
        }
        return c.values(words, l.wordIndex(), l.word().substring(0, l.wordCursor()));
    }

    @Test
    void commandNamesOfEachShell() {
        assertThat(complete(quiver, "x")).containsExactly("xref");
        assertThat(complete(quiver, "s")).containsExactly("search", "stats", "strings", "sql");
        assertThat(complete(quiver, "q")).containsExactly("quit");
        assertThat(complete(analyzer, "s")).containsExactly("search", "stats", "strings", "sql", "s", "sc", "sp", "scs", "sm", "scl",
                "sxcl");
        assertThat(complete(analyzer, "q")).containsExactly("quit", "q");
        assertThat(complete(quiver, "help cl")).containsExactly("classes");
    }

    @Test
    void optionsAndTheirValues() {
        assertThat(complete(quiver, "xref X --ca")).containsExactly("--callers", "--callees", "--callbacks");
        assertThat(complete(analyzer, "sxcl -d ")).containsExactly("to", "from");
        assertThat(complete(analyzer, "dc -f ")).containsExactly("dot", "png", "pdf", "svg", "json");
        assertThat(complete(analyzer, "s -t c")).containsExactly("class", "const");
        assertThat(complete(analyzer, "scl -f")).contains("-fc", "-fm", "-fa");
        assertThat(complete(quiver, "graph ")).containsExactly("calls", "classes");
        assertThat(complete(quiver, "graph calls X --ca")).containsExactly("--callers", "--callees");
        assertThat(complete(quiver, "graph calls Lcom/q/Chain;->p")).containsExactly("Lcom/q/Chain;->ping()V",
                "Lcom/q/Chain;->pong()V");
        assertThat(complete(quiver, "co")).as("no bash completion script inside the shell").isEmpty();
    }

    @Test
    void classNamesPackageByPackage() {
        assertThat(complete(quiver, "classes L")).containsExactly("Landroid/", "Lcom/", "Ldalvik/", "Ljava/", "Ljavax/");
        assertThat(complete(quiver, "classes Lcom/")).containsExactly("Lcom/q/");
        assertThat(complete(quiver, "classes Lcom/q/C")).containsExactly("Lcom/q/Chain;", "Lcom/q/Crypto;");
        assertThat(complete(quiver, "xref --callers 'Lcom/q/Ü")).containsExactly("Lcom/q/Ünï$Inner;");
        assertThat(complete(quiver, "classes --extends Landroid/content/")).containsExactly(
                "Landroid/content/BroadcastReceiver;");
        assertThat(complete(analyzer, "sc -c class_name -p Lcom/q/Ch")).containsExactly("Lcom/q/Chain;");
        assertThat(complete(quiver, "classes crypto")).as("only a word starting with L is a class").isEmpty();
    }

    @Test
    void membersAfterTheArrowOverloadsApart() {
        assertThat(complete(quiver, "xref 'Lcom/q/Crypto;->enc")).containsExactly(
                "Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B", "Lcom/q/Crypto;->encrypt([B)[B");
        assertThat(complete(quiver, "xref Landroid/telephony/SmsManager;->")).containsExactly(
                "Landroid/telephony/SmsManager;->getDefault()Landroid/telephony/SmsManager;",
                "Landroid/telephony/SmsManager;->sendTextMessage(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
                        + "Landroid/app/PendingIntent;Landroid/app/PendingIntent;)V");
        assertThat(complete(quiver, "xref --readers Lcom/q/Device;->c")).containsExactly("Lcom/q/Device;->connect()V",
                "Lcom/q/Device;->count:I");
    }

    /** What Tab inserts keeps the user's quoting, and reads back as the candidate. */
    @Test
    void insertedCandidatesAreQuotedAsTheWordWasStarted() {
        Parser p = new Interactive.JLineParser();
        ParsedLine quoted = p.parse("xref 'Lcom/q/Ünï", 16, Parser.ParseContext.COMPLETE);
        assertThat(quoted.word()).isEqualTo("Lcom/q/Ünï");
        assertThat(((Interactive.Parsed) quoted).escape("Lcom/q/Ünï$Inner;->run()V", true))
                .isEqualTo("'Lcom/q/Ünï$Inner;->run()V'");
        ParsedLine bare = p.parse("strings a\\ b", 12, Parser.ParseContext.COMPLETE);
        assertThat(bare.word()).isEqualTo("a b");
        assertThat(((Interactive.Parsed) bare).escape("a b c", false)).isEqualTo("a\\ b\\ c");
    }

    @Test
    void anUnclosedQuoteAsksForAnotherLineOnlyWhenTheLineIsAccepted() {
        Parser p = new Interactive.JLineParser();
        assertThat(p.parse("strings 'abc", 12, Parser.ParseContext.COMPLETE).words()).containsExactly("strings", "abc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.parse("strings 'abc", 12, Parser.ParseContext.ACCEPT_LINE))
                .isInstanceOf(org.jline.reader.EOFError.class);
    }
}
