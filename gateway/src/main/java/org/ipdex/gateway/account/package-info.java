/**
 * Offices, API keys and who is calling.
 *
 * <p>A key looks like {@code ipdex_<prefix>_<secret>}: the prefix finds the row, the SHA-256 of the whole key
 * proves it. {@link org.ipdex.gateway.account.ApiKeyAuthenticationFilter} turns the {@code Authorization} header
 * into a {@link org.ipdex.gateway.account.Caller} for every request; the forwarder then mints the identity token
 * that the services trust. The admin API ({@code /api/v1/admin/**}) manages offices and keys, and
 * {@link org.ipdex.gateway.account.AdminKeyBootstrap} creates the first administrator key.
 */
package org.ipdex.gateway.account;
