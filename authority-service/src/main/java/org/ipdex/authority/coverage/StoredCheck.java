package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A row of {@code coverage_check}; {@code id} is internal (it names the list partitions), checkId is public. */
record StoredCheck(long id, String checkId, @Nullable String name, String scopeKey, @Nullable Integer scopeVersion,
                   String scopeJson, String status, @Nullable String phase, @Nullable Long bytesTotal, long bytesRead,
                   long rowsRead, @Nullable String reportJson, @Nullable String error, Instant createdAt,
                   @Nullable Instant startedAt, @Nullable Instant finishedAt) {

    boolean finished() {
        return "done".equals(status) || "failed".equals(status);
    }
}
