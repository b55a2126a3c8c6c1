package org.ipdex.search.consume;

import java.io.IOException;

/**
 * The feed behind a checkpoint was replaced (see {@link FeedPage#replaces}): reading on from the checkpoint would skip
 * the new feed's first events and leave the old feed's documents in place. The consumer stops and asks for a
 * {@link FeedReset}.
 */
final class FeedResetException extends IOException {

    FeedResetException(String feed, Checkpoint checkpoint, FeedPage page) {
        super("feed " + feed + " was replaced: checkpoint at seq " + checkpoint.seq() + " of feed "
                + checkpoint.feedId() + ", the feed is now " + page.feedId() + " with head " + page.head());
    }
}
