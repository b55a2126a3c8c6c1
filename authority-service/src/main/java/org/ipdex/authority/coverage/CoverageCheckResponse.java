package org.ipdex.authority.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A check as answered: status, progress while it runs, the report when done.
 *
 * @param status receiving (the upload is arriving), queued, running, done, failed
 * @param phase  while running: reading (parse and load the collection) or comparing (set-based SQL)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoverageCheckResponse(String checkId, @Nullable String name, String status, @Nullable String phase,
                                    CheckScope scope, Instant createdAt, @Nullable Instant startedAt,
                                    @Nullable Instant finishedAt, Progress progress, @Nullable String error,
                                    @Nullable CoverageReport report) {

    /**
     * @param rowsPerSecond while reading
     * @param etaSeconds    while reading, from the share of the upload read so far; unknown while comparing
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(@Nullable Long bytesTotal, long bytesRead, long rowsRead, @Nullable Long rowsPerSecond,
                           @Nullable Long etaSeconds) {
    }
}
