package org.ipdex.catalog.api;

/**
 * What happened to an API, told to the change feed. Call inside the transaction that changed the API: the feed is
 * a transactional outbox, written by the {@code feed} package alone, which implements this port.
 */
public interface ApiFeed {

    /** The API's whole document ({@code api.upserted}), as it is after the change. */
    void publish(Api api, ApiVersion latest);

    /** Beside {@link #publish}, in the same transaction as the version's row. */
    void versionPublished(Api api, ApiVersion version);

    /** Beside {@link #publish}, in the same transaction as the API's new endpoint status. */
    void endpointChanged(Api before, Api after);
}
