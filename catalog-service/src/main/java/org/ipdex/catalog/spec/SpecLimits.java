package org.ipdex.catalog.spec;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * How much an upload may cost before it is refused. Every limit is checked while reading, before anything is
 * expanded or stored, so a hostile file is refused with bounded memory.
 *
 * @param maxSpecSize       bytes of one document, of a whole bundle once inflated, or of a fetched source
 * @param maxDepth          nesting of objects and arrays in one document (the corpus peaks at 27)
 * @param maxAliases        YAML aliases to collections per document (OpenAPI files hardly ever use them)
 * @param maxAliasExpansion nodes that aliases may add when expanded (what a "billion laughs" file inflates)
 * @param maxBundleFiles    entries of a zip or parts of a multipart upload
 */
@ConfigurationProperties(SpecLimits.PREFIX)
public record SpecLimits(@ReadableBytes @Bindable(defaultValue = "25MB") long maxSpecSize,
                         @Bindable(defaultValue = "100") int maxDepth,
                         @Bindable(defaultValue = "50") int maxAliases,
                         @Bindable(defaultValue = "200000") int maxAliasExpansion,
                         @Bindable(defaultValue = "1000") int maxBundleFiles) {

    public static final String PREFIX = "ipdex.catalog";

    /** The limits {@code application.yml} would give, for use outside the application context. */
    public static SpecLimits defaults() {
        return new SpecLimits(25L * 1024 * 1024, 100, 50, 200_000, 1000);
    }
}
