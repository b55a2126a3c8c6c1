package org.ipdex.search.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a rebuild is.
 *
 * @param state   {@code building} (reading the feeds into the new indices), {@code swapping}, {@code done},
 *                {@code failed}
 * @param reason  {@code requested} by an administrator, or {@code mapping} (start-up found an older mapping)
 * @param indices the new concrete index per alias
 * @param feeds   per feed: events applied and the feed's head
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(String rebuildId, String state, String reason, Instant startedAt,
                            @Nullable Instant finishedAt, Map<String, String> indices, List<FeedProgress> feeds,
                            @Nullable String error) {

    @Serdeable
    public record FeedProgress(String feed, long applied, long head, double percent) {
    }

    boolean finished() {
        return "done".equals(state) || "failed".equals(state);
    }
}
