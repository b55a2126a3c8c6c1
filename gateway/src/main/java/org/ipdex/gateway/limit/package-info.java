/**
 * Limits at the door, so an oversized or abusive request is refused before it costs a backend anything.
 *
 * <p>Body size: {@code micronaut.server.max-request-size} (25 MB) is the server-wide ceiling that Micronaut
 * itself enforces, also on bodies sent without a {@code Content-Length}; {@link
 * org.ipdex.gateway.limit.BodySizeLimits} applies the per-route limits below that ceiling to declared lengths.
 * <b>Hook for large authority uploads:</b> raise {@code micronaut.server.max-request-size} to the largest upload
 * allowed and add an entry {@code ipdex.limits.uploads.<name>.{method,path,max-size}} for the upload route (e.g.
 * {@code POST /api/v1/authority/offices/} with a multi-GB size); every other route keeps
 * {@code ipdex.limits.max-body-size}. The body streams through the forwarder either way, so a large limit costs
 * no memory.
 *
 * <p>Rate limiting (anonymous dry runs: lint reports, coverage checks) belongs here too, as a filter ordered next
 * to {@link org.ipdex.gateway.limit.BodySizeFilter}.
 */
package org.ipdex.gateway.limit;
