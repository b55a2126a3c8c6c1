/**
 * The portal: static files under {@code src/main/resources/public}, served at {@code /} by the
 * {@code micronaut.router.static-resources.portal} mapping, and at each page's real address ({@code /search},
 * {@code /apis/{apiId}}, …) by {@link PortalPages} to browsers (API clients get a 404 problem there). Plain HTML, CSS
 * and JavaScript with no CDN, so it works offline and behind strict content policies; it calls the same public API
 * as any other client.
 *
 * <p>{@link SecurityHeadersFilter} puts a Content-Security-Policy ({@code script-src 'self'}, {@code frame-ancestors
 * 'none'}, {@code connect-src 'self'} plus, on an operation's page only, the origins of that API's servers),
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: strict-origin-when-cross-origin} on every answer, so no page may carry an inline script
 * or an {@code on*=} handler (SecurityHeadersTest checks the HTML). README.md says why connect-src is what it is.
 *
 * <p>{@code /docs} is reserved for the merged OpenAPI document and Swagger UI (not a static file of the portal).
 */
package org.ipdex.gateway.portal;
