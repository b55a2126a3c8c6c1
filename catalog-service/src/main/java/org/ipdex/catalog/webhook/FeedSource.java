package org.ipdex.catalog.webhook;

import org.ipdex.common.feed.ChangeEvent;

import java.io.IOException;
import java.util.List;

/** A change feed webhooks follow: catalog-service's own, read in process, or authority-service's, over HTTP. */
interface FeedSource {

    /**
     * @param feedId    which database the events come from (see {@link ChangeEvent#FEED_ID_HEADER})
     * @param scannedTo the feed holds nothing of interest up to here: the last event's seq, or further when the
     *                  source skipped events of other types
     */
    record Page(List<ChangeEvent> events, String feedId, long scannedTo) {
    }

    /** The checkpoint's name. */
    String name();

    Page read(long after, int limit) throws IOException;
}
