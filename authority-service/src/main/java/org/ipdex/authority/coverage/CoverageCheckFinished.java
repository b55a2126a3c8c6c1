package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The feed event of a check whose report was stored, for webhooks (search-service ignores it). Only the totals:
 * the report itself is at {@code /api/v1/authority/coverageChecks/{checkId}}.
 *
 * @param checkId the public id (not the internal row id)
 * @param offices the offices the check compared against
 */
@Serdeable
public record CoverageCheckFinished(String checkId, @Nullable String name, String scope, List<String> offices,
                                    CoverageCounts totals) {

    public static final String TYPE = "coverage.check.finished";
}
