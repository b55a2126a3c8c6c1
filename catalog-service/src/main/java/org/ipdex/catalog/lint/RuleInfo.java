package org.ipdex.catalog.lint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a rule is, independent of any spec.
 *
 * @param id         a stable slug ({@code st90.uri.lower-camel-case}); settings and exceptions are keyed by it
 * @param officialId the ST.90 identifier (e.g. an {@code RSG-nn}) once checked against the standard; null until
 *                   then, because a wrong official number is worse than none
 */
@Serdeable
public record RuleInfo(String id, Section section, Level level, String title, @Nullable String officialId) {

    public RuleInfo(String id, Section section, Level level, String title) {
        this(id, section, level, title, null);
    }
}
