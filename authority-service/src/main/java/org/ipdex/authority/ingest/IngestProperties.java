package org.ipdex.authority.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Limits and policies of the ingest ({@code ipdex.ingest.*}).
 *
 * @param maxErrorRate         above this share of record errors the whole file is rejected
 * @param maxListedErrors      record errors listed in a report (all are counted)
 * @param maxUploadBytes       the largest upload or fetched file accepted
 * @param maxDecompressedBytes the most a gzip or zip file may expand to
 * @param maxCompressionRatio  decompressed ÷ compressed size above which a file is refused as a bomb
 * @param spoolDirectory       where uploads are streamed before they are read; the system temp dir if unset
 * @param keepEditions         editions per office whose record sets are kept for diffs (the active one included)
 * @param allowedSourceHosts   hosts a {@code sourceUrl} may name even if they resolve to private addresses (admin-set)
 * @param refetchInterval      how often a {@code sourceUrl} is fetched again
 */
@ConfigurationProperties(IngestProperties.PREFIX)
public record IngestProperties(@Bindable(defaultValue = "0.01") double maxErrorRate,
                               @Bindable(defaultValue = "1000") int maxListedErrors,
                               @Bindable(defaultValue = "68719476736") long maxUploadBytes,
                               @Bindable(defaultValue = "107374182400") long maxDecompressedBytes,
                               @Bindable(defaultValue = "200") int maxCompressionRatio,
                               @Nullable String spoolDirectory,
                               @Bindable(defaultValue = "3") int keepEditions,
                               @Nullable List<String> allowedSourceHosts,
                               @Bindable(defaultValue = "24h") Duration refetchInterval) {

    public static final String PREFIX = "ipdex.ingest";

    /** The defaults {@code application.yml} gives, for code that reads files outside the application context. */
    public static IngestProperties defaults() {
        return new IngestProperties(0.01, 1000, 64L << 30, 100L << 30, 200, null, 3, null, Duration.ofHours(24));
    }

    public List<String> allowedHosts() {
        return allowedSourceHosts == null ? List.of() : allowedSourceHosts;
    }
}
