/**
 * APIs and their versions: registration ({@link org.ipdex.catalog.api.ApiRegistry} — accept, lint, diff, read
 * metadata outside any transaction, then {@code VersionStore} stores version, feed event (through the {@link
 * org.ipdex.catalog.api.ApiFeed} port, written by {@code feed}) and audit entry together),
 * catalogue metadata with office overrides (JSON merge patch), version endpoints, URL sources re-fetched on a
 * schedule ({@link org.ipdex.catalog.api.SourceRefresher}), the {@code api.upserted} feed document, and stored
 * versions read back for lint and diff ({@code StoredApiSpecs}, behind lint's port).
 */
package org.ipdex.catalog.api;
