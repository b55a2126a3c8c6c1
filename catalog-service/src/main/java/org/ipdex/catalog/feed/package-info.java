/**
 * The catalogue's transactional outbox: {@link org.ipdex.catalog.feed.CatalogFeed} writes the change-feed rows
 * ({@code api.upserted} with the API's whole document, {@code api.version.published}, {@code api.endpoint.changed})
 * in the transaction that changed the API, through the {@link org.ipdex.catalog.api.ApiFeed} port that {@code api}
 * declares. search-service and the webhooks read them from {@code /internal/v1/changes}.
 */
package org.ipdex.catalog.feed;
