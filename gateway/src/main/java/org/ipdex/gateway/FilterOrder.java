package org.ipdex.gateway;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The order of the gateway's own server filters, in one place because each relies on the one before it:
 * the request id and access log wrap everything (so even a refused request is logged with its id), CORS answers
 * pre-flights, then size limits, API-key authentication, rate limits and forwarding run before Micronaut Security, which
 * therefore only ever sees the routes the gateway serves itself (admin API, health, metrics, portal).
 */
public final class FilterOrder {

    /** Before everything, Micronaut's own response filters (such as health's status code) included. */
    public static final int REQUEST_CONTEXT = Ordered.HIGHEST_PRECEDENCE;
    /** Just inside it, so that every answer — a refusal by a later filter too — carries the security headers. */
    public static final int SECURITY_HEADERS = REQUEST_CONTEXT + 1;
    public static final int BODY_LIMIT = ServerFilterPhase.SECURITY.before() - 30;
    public static final int AUTHENTICATION = ServerFilterPhase.SECURITY.before() - 20;
    /** After authentication, which tells keyed callers (counted per key) from anonymous ones (per address). */
    public static final int RATE_LIMIT = ServerFilterPhase.SECURITY.before() - 15;
    public static final int FORWARDING = ServerFilterPhase.SECURITY.before() - 10;

    private FilterOrder() {
    }
}
