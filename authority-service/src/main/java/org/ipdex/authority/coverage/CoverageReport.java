package org.ipdex.authority.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The finished report of a check; stored as JSON with the check and answered as is.
 *
 * @param rows    per office × publication year × kind; extra lines have no publication year (they are not in the
 *                authority file) and the kind the collection wrote (none when it wrote none)
 * @param changes against the previous finished check of the same name and scope; absent without one
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoverageReport(CheckScope scope, Instant generatedAt, Collection collection, CoverageCounts totals,
                             List<OfficeCoverage> offices, List<Row> rows, @Nullable Changes changes,
                             Timings timings) {

    /**
     * @param rowsRead     lines read, blank ones excluded
     * @param rowsInScope  numbers of offices in scope, compared with the authority files
     * @param outsideScope numbers of other offices per office, not compared
     */
    @Serdeable
    public record Collection(@Nullable String name, long bytes, long rowsRead, long rowsInScope,
                             Map<String, Long> outsideScope, Unparseable unparseable) {
    }

    /** @param samples the first few, with line numbers */
    @Serdeable
    public record Unparseable(long count, List<BadLine> samples) {
    }

    @Serdeable
    public record BadLine(long line, String text) {
    }

    /** @param editionId the active edition compared against; absent when the office has no authority file */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfficeCoverage(String office, @Nullable Long editionId, CoverageCounts counts) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String office, @Nullable Integer publicationYear, @Nullable String kind, long expected,
                      long held, long missing, long extra, long exceptions, @Nullable Double percentComplete) {
    }

    /**
     * @param newlyMissing     missing now, not missing last time
     * @param noLongerMissing  missing last time, not now; of those {@code newlyHeld} are held now (the others left
     *                         the scope or the authority file)
     * @param newlyExtra       extra now, not last time (by number and kind)
     * @param noLongerExtra    extra last time, not now
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Changes(String previousCheckId, Instant previousCreatedAt, @Nullable Integer previousScopeVersion,
                          long newlyMissing, long noLongerMissing, long newlyHeld, long newlyExtra,
                          long noLongerExtra, CoverageCounts previousTotals) {
    }

    @Serdeable
    public record Timings(long readingMillis, long comparingMillis) {
    }
}
