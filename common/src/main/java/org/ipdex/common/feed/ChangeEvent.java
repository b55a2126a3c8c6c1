package org.ipdex.common.feed;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One line of a service's change feed ({@code GET /internal/v1/changes}, NDJSON).
 *
 * @param seq     position in the feed; strictly increasing in commit order
 * @param type    what happened, e.g. {@code api.upserted}, {@code edition.activated}
 * @param key     the id of the thing it happened to; a consumer keeps the highest version per key
 * @param version the version of that thing after the change, so applying an event twice changes nothing
 * @param at      when it was committed
 * @param data    the document itself (its shape depends on {@code type})
 */
@Serdeable
public record ChangeEvent(long seq, String type, String key, long version, Instant at, JsonNode data) {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    /** The feed's last sequence number, sent with every page so a consumer can report its lag. */
    public static final String HEAD_HEADER = "X-Feed-Head";
    /** Which feed this is: another id means another database, whose seqs started again at 1. */
    public static final String FEED_ID_HEADER = "X-Feed-Id";
}
