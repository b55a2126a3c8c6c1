package org.ipdex.catalog.lint;

import java.util.Map;
import java.util.Set;

/** Where the engine learns an administrator's overrides and an API's recorded exceptions. */
public interface RuleSettings {

    /** No overrides, no exceptions: the rules as written. */
    RuleSettings NONE = new RuleSettings() {
        @Override
        public Map<String, RuleOverride> overrides() {
            return Map.of();
        }

        @Override
        public Set<String> exceptedRules(String apiId) {
            return Set.of();
        }
    };

    /** Rule id → override; read once per lint. */
    Map<String, RuleOverride> overrides();

    Set<String> exceptedRules(String apiId);

    /** @param level null keeps the rule's own level */
    record RuleOverride(boolean enabled, Level level) {
    }
}
