package dev.quiver.web.http;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every response carries. Everything shown comes from attacker-made apps, so the page
 * may run only the UI's own script (no inline script, no eval, no plugins), load nothing from
 * elsewhere, and never be framed; responses are never sniffed as another type.
 */
public final class Headers {
    /** The UI's Content-Security-Policy. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Headers() {
    }

    /** Adds the security headers to {@code h}. */
    public static void secure(HttpFields.Mutable h) {
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
