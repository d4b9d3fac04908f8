package dev.quiver.search.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Globs as rg 13's globset reads them; each expectation was checked with {@code rg -g GLOB --files}. */
class GlobTest {
    private static boolean matches(String glob, String name) {
        return Glob.compile(glob, false).matches(name, name);
    }

    private static void rejected(String glob, String reason) {
        assertThatThrownBy(() -> Glob.compile(glob, false))
                .isInstanceOf(GlobException.class)
                .hasMessage("error parsing glob '" + glob + "': " + reason);
    }

    private static final String UNCLOSED = "unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)";

    @Test
    void nestedOrUnclosedGroupsAreRejectedAsRgRejectsThem() {
        rejected("{{x}", "nested alternate groups are not allowed");
        rejected("*.{c,{h,log}}", "nested alternate groups are not allowed");
        rejected("{a,{b}", "nested alternate groups are not allowed");
        rejected("{a\\}", UNCLOSED);
        rejected("*{", UNCLOSED);
        rejected("*.{c,h", UNCLOSED);
    }

    @Test
    void classesAndEscapesAreCheckedToo() {
        rejected("[ab", "unclosed character class; missing ']'");
        rejected("[]", "unclosed character class; missing ']'");
        rejected("[!]", "unclosed character class; missing ']'");
        rejected("[z-a]", "invalid range; 'z' > 'a'");
        rejected("a\\", "dangling '\\'");
    }

    @Test
    void bracesCommasAndClassesMeanWhatTheyMeanInRg() {
        assertThat(matches("{a\\,b,c}", "a,b")).isTrue();
        assertThat(matches("{a\\,b,c}", "c")).isTrue();
        assertThat(matches("a,b", "a,b")).as("a comma outside a group is literal").isTrue();
        assertThat(matches("x}", "x")).as("a '}' outside a group is dropped").isTrue();
        assertThat(matches("x}", "x}")).isFalse();
        assertThat(matches("\\{a", "{a")).isTrue();
        assertThat(matches("[{]a", "{a")).isTrue();
        assertThat(matches("{[}]}", "}")).isTrue();
        assertThat(matches("{a,[,]}", ",")).isTrue();
        assertThat(matches("{,a}", "a")).isTrue();
        assertThat(matches("[]a]", "]")).isTrue();
        assertThat(matches("[!]a]", "b")).isTrue();
        assertThat(matches("[!]a]", "]")).isFalse();
        assertThat(matches("[a-]", "-")).isTrue();
        assertThat(matches("[\\]", "\\")).as("a backslash in a class is literal").isTrue();
        assertThat(matches("*.{c,h}", "x.h")).isTrue();
    }

    @Test
    void anIgnoreFileSkipsOnlyItsBadLinesAndNamesThemAsWritten() {
        List<String> bad = new java.util.ArrayList<>();
        IgnoreRules rules = IgnoreRules.parse(List.of("!{a", "{{x}", "*.skip", "{b/"),
                (line, e) -> bad.add(line + ": " + e.getMessage()));
        assertThat(bad).containsExactly(
                "1: error parsing glob '!{a': " + UNCLOSED,
                "2: error parsing glob '{{x}': nested alternate groups are not allowed",
                "4: error parsing glob '{b/': " + UNCLOSED);
        assertThat(rules.match("x.skip", "x.skip", false)).isEqualTo(IgnoreRules.Verdict.IGNORE);
    }
}
