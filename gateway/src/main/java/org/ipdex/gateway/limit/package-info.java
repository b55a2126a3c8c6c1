/**
 * Limits at the door, so an oversized or abusive request is refused before it costs a backend anything: body sizes
 * per route ({@link org.ipdex.gateway.limit.BodySizeLimits}, declared and streamed lengths alike) and token-bucket
 * rate limits per API key or client address ({@link org.ipdex.gateway.limit.RateLimiter}). See {@code README.md}
 * beside this file for configuration and what N replicas mean for the limits.
 */
package org.ipdex.gateway.limit;
