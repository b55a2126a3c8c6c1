package org.ipdex.catalog.lint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A rule as it currently applies.
 *
 * @param level        the level in force (an administrator may have re-graded it)
 * @param defaultLevel the level the rule is written with
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleView(String id, Section section, String sectionTitle, Level level, Level defaultLevel, String title,
                       @Nullable String officialId, boolean enabled) {
}
