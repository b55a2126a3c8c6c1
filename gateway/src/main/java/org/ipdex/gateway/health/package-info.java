/**
 * The gateway's {@code /health}: its own database (Micronaut's JDBC indicator) and, as details, each backend's
 * {@code /health}. The whole is UP only when every part is, since a gateway whose backends are down cannot serve
 * the API; the backend check is a readiness check, so {@code /health/liveness} stays about the gateway alone.
 */
package org.ipdex.gateway.health;
