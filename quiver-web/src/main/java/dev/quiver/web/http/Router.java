package dev.quiver.web.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's routes: path patterns such as {@code /api/v1/classes/{id}}, matched segment by segment
 * (a {@code {name}} segment matches any one segment). Registration order decides between two
 * patterns that match the same path, so literal routes are registered before variable ones.
 */
public final class Router {
    /** One route. */
    public record Route(String pattern, String[] segments, Endpoint endpoint) {
    }

    /** A route that matched, with its variables. */
    public record Match(Route route, Map<String, String> vars) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a GET (and HEAD) route. */
    public void get(String pattern, Endpoint endpoint) {
        for (Route r : routes) {
            if (r.pattern().equals(pattern)) {
                throw new IllegalArgumentException("route registered twice: " + pattern);
            }
        }
        routes.add(new Route(pattern, split(pattern), endpoint));
    }

    /** Every pattern, in registration order (the OpenAPI test checks each is documented). */
    public List<String> patterns() {
        List<String> out = new ArrayList<>();
        for (Route r : routes) {
            out.add(r.pattern());
        }
        return out;
    }

    /** The route for {@code path}, or null. */
    public Match find(String path) {
        String[] parts = split(path);
        for (Route r : routes) {
            if (r.segments().length != parts.length) {
                continue;
            }
            Map<String, String> vars = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) {
                String s = r.segments()[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    vars.put(s.substring(1, s.length() - 1), parts[i]);
                } else {
                    ok = s.equals(parts[i]);
                }
            }
            if (ok) {
                return new Match(r, vars);
            }
        }
        return null;
    }

    private static String[] split(String path) {
        String p = path;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals("/") || p.isEmpty() ? new String[0] : p.substring(1).split("/", -1);
    }
}
