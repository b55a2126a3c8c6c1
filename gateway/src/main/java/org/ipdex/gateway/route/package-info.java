/**
 * Forwarding: which service owns which public path ({@link org.ipdex.gateway.route.RouteTable}), and how a request
 * travels there ({@link org.ipdex.gateway.route.Forwarder}): bodies stream both ways through Micronaut's
 * {@code ProxyHttpClient}, the caller's API key is replaced by a fresh identity token, and a backend that is down
 * or too slow becomes a 503 problem within its timeout instead of a hanging connection.
 *
 * <p>Every request also gets an id ({@code X-Request-Id}, kept from the caller when sane), echoed in the response,
 * put in the logging MDC and written in the access log line ({@link org.ipdex.gateway.route.RequestContextFilter}).
 *
 * <p>Config: {@code ipdex.backends.<name>.url} ({@code IPDEX_BACKENDS_<NAME>_URL}), {@code .timeout} (time to the
 * first response byte for reads, default 10 s), {@code .upload-timeout} (for requests with a body; authority's is
 * long because an edition upload streams for minutes), {@code ipdex.gateway.circuit-breaker.failures} and
 * {@code .open-for}.
 */
package org.ipdex.gateway.route;
