package org.ipdex.search.consume;

import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.search.index.IndexDefinition;
import org.ipdex.search.index.IndexTargets;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Applies one type of feed event to the indices. Must be idempotent: after a crash the consumer re-applies
 * the events since its last checkpoint.
 */
public interface ChangeHandler {

    /** e.g. {@code api.upserted}; event types are unique across feeds. */
    String eventType();

    /** The versioned indices it writes through {@link IndexTargets}; a consumer waits while one is outdated. */
    Set<IndexDefinition> writes();

    /**
     * @param events  consecutive events of {@link #eventType()}, in feed order; throwing makes the consumer
     *                retry the whole page later, so a partial failure must leave nothing that a retry breaks
     * @param targets the live aliases, or a rebuild's new indices
     */
    void apply(List<ChangeEvent> events, IndexTargets targets) throws IOException;
}
