package org.ipdex.gateway.route;

import io.micronaut.http.MutableHttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RFC 9110 §7.6.1: hop-by-hop headers describe one connection, so a proxy must not pass them on, including every
 * header the {@code Connection} header names.
 *
 * <p>Two are left to the framework on purpose. {@code Connection} stays on the request because Micronaut's proxy
 * client forwards the server request's own header map, and the server reads {@code Connection: close} from it
 * when it answers: removing it would keep a connection open that the client asked to close. And
 * {@code Transfer-Encoding} stays because the client and server re-frame the streamed body from it; they never
 * pass the caller's framing through.
 */
final class HopByHopHeaders {

    private static final Set<String> REQUEST = Set.of("keep-alive", "proxy-authenticate", "proxy-authorization",
            "proxy-connection", "te", "trailer", "upgrade");
    private static final Set<String> RESPONSE = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "upgrade");

    private HopByHopHeaders() {
    }

    static void stripFromRequest(MutableHttpHeaders headers) {
        strip(headers, REQUEST);
    }

    static void stripFromResponse(MutableHttpHeaders headers) {
        strip(headers, RESPONSE);
    }

    private static void strip(MutableHttpHeaders headers, Set<String> always) {
        List<String> named = new ArrayList<>();
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("close") && !name.equals("keep-alive")
                        && !name.equals("transfer-encoding") && !name.equals("connection")) {
                    named.add(name);
                }
            }
        }
        for (String name : List.copyOf(headers.names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (always.contains(lower) || named.contains(lower)) {
                headers.remove(name);
            }
        }
    }
}
