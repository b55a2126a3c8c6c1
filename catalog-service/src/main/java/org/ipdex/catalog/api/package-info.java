/**
 * APIs and their versions: registration ({@link org.ipdex.catalog.api.ApiRegistry} — accept, lint, diff, read
 * metadata outside any transaction, then {@code VersionStore} stores version, feed event and audit entry together),
 * catalogue metadata with office overrides (JSON merge patch), version endpoints, URL sources re-fetched on a
 * schedule ({@link org.ipdex.catalog.api.SourceRefresher}), and the {@code api.upserted} feed document.
 */
package org.ipdex.catalog.api;
