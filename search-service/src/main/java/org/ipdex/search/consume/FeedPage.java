package org.ipdex.search.consume;

import org.ipdex.common.feed.ChangeEvent;

import java.util.List;

/**
 * @param events in feed order
 * @param head   the feed's last sequence number when the page was read
 */
record FeedPage(List<ChangeEvent> events, long head) {
}
