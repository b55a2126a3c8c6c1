package org.ipdex.catalog.lint;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Overrides from the {@code lint_rule_setting} table, falling back to configuration
 * ({@code lint.rules.<id>.enabled}, {@code lint.rules.<id>.level}), then to the rule as written. The (tiny) table is
 * read once per lint rather than cached, so an administrator's change applies at once on every instance.
 */
@Singleton
class StoredRuleSettings implements RuleSettings {

    private final LintRuleSettingRepository stored;
    private final LintExemptionRepository exceptions;
    private final Map<String, RuleOverride> configured;

    StoredRuleSettings(LintRuleSettingRepository stored, LintExemptionRepository exceptions, Environment environment,
                       List<LintRule> rules) {
        this.stored = stored;
        this.exceptions = exceptions;
        this.configured = configured(environment, rules);
    }

    @Override
    public Map<String, RuleOverride> overrides() {
        Map<String, RuleOverride> overrides = new HashMap<>(configured);
        for (LintRuleSetting setting : stored.findAll()) {
            overrides.put(setting.ruleId(), new RuleOverride(setting.enabled(), setting.level()));
        }
        return overrides;
    }

    @Override
    public Set<String> exceptedRules(String apiId) {
        return new HashSet<>(exceptions.findRuleIdsByApiId(apiId));
    }

    private static Map<String, RuleOverride> configured(Environment environment, List<LintRule> rules) {
        Map<String, RuleOverride> configured = new HashMap<>();
        for (LintRule rule : rules) {
            String prefix = "lint.rules." + rule.info().id();
            Optional<Boolean> enabled = environment.getProperty(prefix + ".enabled", Boolean.class);
            Optional<Level> level = environment.getProperty(prefix + ".level", Level.class);
            if (enabled.isPresent() || level.isPresent()) {
                configured.put(rule.info().id(), new RuleOverride(enabled.orElse(true), level.orElse(null)));
            }
        }
        return configured;
    }
}
