package org.ipdex.search.consume;

import org.ipdex.common.feed.ChangeEvent;

import java.io.IOException;
import java.util.List;

/**
 * Applies one type of feed event to the indices. Must be idempotent: after a crash the consumer re-applies
 * the events since its last checkpoint.
 */
public interface ChangeHandler {

    /** e.g. {@code api.upserted}; event types are unique across feeds. */
    String eventType();

    /**
     * @param events consecutive events of {@link #eventType()}, in feed order; throwing makes the consumer
     *               retry the whole page later, so a partial failure must leave nothing that a retry breaks
     */
    void apply(List<ChangeEvent> events) throws IOException;
}
