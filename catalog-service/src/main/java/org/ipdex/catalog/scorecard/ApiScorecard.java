package org.ipdex.catalog.scorecard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One API on its office's scorecard.
 *
 * @param breakingChanges12Months versions of the last 12 months whose diff against the one before was breaking
 * @param uptimePercent30Days     the share of the last 30 days' probe checks that found the endpoint up; null
 *                                without checks (checks the SSRF policy refused are not counted)
 * @param st90History             every version's score, oldest first
 * @param breakingChangesByMonth  the last 12 calendar months, oldest first, zeros included
 * @param uptimeByMonth           the same months; {@code percent} null in a month without checks
 */
@Serdeable
public record ApiScorecard(String apiId, String title, String lifecycle, int latestVersion,
                           @Nullable Integer st90Score, @Nullable String st90Level, String endpointStatus,
                           int breakingChanges12Months, @Nullable Double uptimePercent30Days,
                           List<ScorePoint> st90History, List<MonthCount> breakingChangesByMonth,
                           List<UptimeMonth> uptimeByMonth) {

    @Serdeable
    public record ScorePoint(int version, Instant at, @Nullable Integer score, @Nullable String level,
                             boolean breakingChange) {
    }

    /** @param month "2026-03" */
    @Serdeable
    public record MonthCount(String month, int count) {
    }

    @Serdeable
    public record UptimeMonth(String month, long checks, long up, @Nullable Double percent) {
    }
}
