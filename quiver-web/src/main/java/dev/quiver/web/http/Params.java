package dev.quiver.web.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, read strictly: a number that is not one, a value out of
 * range, a parameter given twice or one the endpoint does not know is a 400 with a message that
 * says what is accepted (a typo must not silently widen a question).
 */
public final class Params {
    private final Map<String, List<String>> values;
    private final Set<String> read = new TreeSet<>();

    public Params(Map<String, List<String>> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The names given. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The single value of {@code name}, or null. */
    public String get(String name) throws HttpError {
        read.add(name);
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw HttpError.badRequest("parameter '" + name + "' given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    /** Every value of a repeatable parameter ({@code include=a&include=b}), also comma-free. */
    public List<String> all(String name) {
        read.add(name);
        return new ArrayList<>(values.getOrDefault(name, List.of()));
    }

    /** The value, or {@code fallback} when absent. */
    public String get(String name, String fallback) throws HttpError {
        String v = get(name);
        return v == null ? fallback : v;
    }

    /** A required value. */
    public String required(String name, String what) throws HttpError {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            throw HttpError.badRequest("parameter '" + name + "' is required: " + what);
        }
        return v;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    public long number(String name, long fallback, long min, long max) throws HttpError {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("parameter '" + name + "' must be a whole number, not '" + shorten(v) + "'");
        }
        if (n < min || n > max) {
            throw HttpError.badRequest("parameter '" + name + "' must be between " + min + " and " + max + " (got " + n
                    + ")");
        }
        return n;
    }

    /** {@code true}/{@code false} (also 1/0, yes/no; present without a value is true). */
    public boolean flag(String name) throws HttpError {
        String v = get(name);
        if (v == null) {
            return false;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw HttpError.badRequest("parameter '" + name + "' must be true or false, not '" + shorten(v)
                    + "'");
        };
    }

    /** One of {@code allowed} (case-insensitive), or {@code fallback}. */
    public String choice(String name, String fallback, Collection<String> allowed) throws HttpError {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.strip())) {
                return a;
            }
        }
        throw HttpError.badRequest("parameter '" + name + "' must be one of " + String.join(", ", allowed) + ", not '"
                + shorten(v) + "'");
    }

    /** Fails on a parameter no accessor asked for; {@code known} describes what the endpoint takes. */
    public void rejectUnknown(String known) throws HttpError {
        for (String n : values.keySet()) {
            if (!read.contains(n)) {
                throw HttpError.badRequest("unknown parameter '" + shorten(n) + "'; this endpoint takes " + known);
            }
        }
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
