/**
 * The portal: static files under {@code src/main/resources/public}, served at {@code /} by the
 * {@code micronaut.router.static-resources.portal} mapping. Plain HTML, CSS and JavaScript with no CDN, so it works
 * offline and behind strict content policies; it calls the same public API as any other client.
 *
 * <p>{@code /docs} is reserved for the merged OpenAPI document and Swagger UI (not a static file of the portal).
 */
package org.ipdex.gateway.portal;
