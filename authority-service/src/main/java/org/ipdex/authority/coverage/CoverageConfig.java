package org.ipdex.authority.coverage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code ipdex.coverage.*}.
 *
 * @param parallelism      checks compared at once (each keeps one PostgreSQL backend busy)
 * @param queueCapacity    checks waiting beyond those; more are refused with 503 before their upload is read
 * @param spoolDirectory   where uploads wait for their job; default: the JVM's temporary directory
 * @param maxUploadBytes   the coverage upload's own limit, instead of {@code micronaut.server.max-request-size}
 * @param workMem          PostgreSQL {@code work_mem} for the comparison, so 10-million-row hash joins stay in memory
 * @param staleAfter       an unfinished check whose heartbeat is older than this was interrupted (a restart, a crash)
 * @param sampleBadLines   how many unparseable lines the report lists with their line numbers
 * @param hashJoinsFrom    from this many collection rows on, the comparison uses hash joins only (see
 *                         {@code CoverageAnalysis})
 */
@ConfigurationProperties(CoverageConfig.PREFIX)
public record CoverageConfig(@Bindable(defaultValue = "1") int parallelism,
                             @Bindable(defaultValue = "8") int queueCapacity,
                             @Nullable String spoolDirectory,
                             @Bindable(defaultValue = "21474836480") long maxUploadBytes,
                             @Bindable(defaultValue = "256MB") String workMem,
                             @Bindable(defaultValue = "60s") Duration staleAfter,
                             @Bindable(defaultValue = "20") int sampleBadLines,
                             @Bindable(defaultValue = "100000") long hashJoinsFrom) {

    public static final String PREFIX = "ipdex.coverage";
}
