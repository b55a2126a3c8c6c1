package org.ipdex.catalog.lint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An administrator's change to one rule.
 *
 * @param ruleId  required in a bulk update; taken from the path otherwise
 * @param enabled false switches the rule off
 * @param level   re-grades the rule; null restores its own level
 */
@Serdeable
public record RuleSettingRequest(@Nullable String ruleId, boolean enabled, @Nullable Level level) {
}
