package org.ipdex.catalog.lint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An administrator's override of one rule. Never serialised: see {@link RuleView}. */
@MappedEntity("lint_rule_setting")
public record LintRuleSetting(@Id String ruleId, boolean enabled, @Nullable Level level, String updatedBy,
                              Instant updatedAt) {
}
