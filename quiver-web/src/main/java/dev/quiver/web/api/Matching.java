package dev.quiver.web.api;

import dev.quiver.core.query.NamePattern;
import dev.quiver.web.http.HttpError;
import dev.quiver.web.http.Params;
import java.util.List;

/**
 * The CLI's matching options as query parameters: {@code match=exact|substring|glob|regex} for
 * every filter of the request (default: a value with {@code *} or {@code ?} is a glob, any other
 * a substring) and {@code ignore_case=true}.
 */
record Matching(NamePattern.Mode mode, boolean ignoreCase) {
    static final List<String> MODES = List.of("exact", "substring", "glob", "regex");

    static Matching of(Params p) throws HttpError {
        String m = p.choice("match", null, MODES);
        return new Matching(m == null ? null : NamePattern.Mode.parse(m), p.flag("ignore_case"));
    }

    NamePattern pattern(String value) {
        return mode == null ? NamePattern.auto(value, ignoreCase) : new NamePattern(mode, value, ignoreCase);
    }
}
