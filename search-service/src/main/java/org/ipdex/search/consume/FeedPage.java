package org.ipdex.search.consume;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.common.feed.ChangeEvent;

import java.util.List;

/**
 * @param events in feed order
 * @param head   the feed's last sequence number when the page was read
 * @param feedId which feed answered ({@link ChangeEvent#FEED_ID_HEADER}); null from a service that does not say
 */
record FeedPage(List<ChangeEvent> events, long head, @Nullable String feedId) {

    /**
     * Whether the feed behind the checkpoint was replaced: another database (another id), or the same one restored
     * to an earlier state (its head is behind events already applied). Its seqs mean other events now.
     */
    boolean replaces(Checkpoint checkpoint) {
        boolean otherFeed = feedId != null && checkpoint.feedId() != null && !feedId.equals(checkpoint.feedId());
        return otherFeed || head < checkpoint.seq();
    }
}
