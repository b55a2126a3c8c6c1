package org.ipdex.catalog.lint;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules with the settings in force, and the administrator's changes to them. */
@Singleton
public class RuleCatalogue {

    private final Linter linter;
    private final RuleSettings settings;
    private final LintRuleSettingRepository stored;

    RuleCatalogue(Linter linter, RuleSettings settings, LintRuleSettingRepository stored) {
        this.linter = linter;
        this.settings = settings;
        this.stored = stored;
    }

    public List<RuleView> list() {
        Map<String, RuleSettings.RuleOverride> overrides = settings.overrides();
        return linter.rules().stream().map(info -> view(info, overrides.get(info.id()))).toList();
    }

    public RuleView get(String ruleId) {
        return list().stream().filter(rule -> rule.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No lint rule " + ruleId));
    }

    public boolean exists(String ruleId) {
        return linter.rules().stream().anyMatch(rule -> rule.id().equals(ruleId));
    }

    /** Applies all changes or none: an unknown rule id anywhere rejects the whole request. */
    @Transactional
    public List<RuleView> update(List<RuleSettingRequest> changes, String by) {
        Set<String> known = linter.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        for (int i = 0; i < changes.size(); i++) {
            String id = changes.get(i).ruleId();
            if (id == null || !known.contains(id)) {
                throw new InvalidInputException("Unknown lint rule " + id, List.of(
                        org.ipdex.common.problem.ProblemError.atPointer("/" + i + "/ruleId", "no such rule")));
            }
        }
        for (RuleSettingRequest change : changes) {
            LintRuleSetting setting = new LintRuleSetting(change.ruleId(), change.enabled(), change.level(), by,
                    Instant.now());
            if (stored.existsById(change.ruleId())) {
                stored.update(setting);
            } else {
                stored.save(setting);
            }
        }
        return list();
    }

    private static RuleView view(RuleInfo info, RuleSettings.RuleOverride override) {
        Level level = override != null && override.level() != null ? override.level() : info.level();
        return new RuleView(info.id(), info.section(), info.section().title(), level, info.level(), info.title(),
                info.officialId(), override == null || override.enabled());
    }
}
