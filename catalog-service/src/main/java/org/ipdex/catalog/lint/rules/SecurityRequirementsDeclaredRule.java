package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A security requirement that names an undeclared scheme cannot be satisfied by any client. */
@Singleton
final class SecurityRequirementsDeclaredRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.security.requirements-declared", Section.SECURITY_MODEL,
            Level.MUST, "Security requirements name declared schemes");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        var components = spec.model().getComponents();
        Set<String> declared = components == null || components.getSecuritySchemes() == null ? Set.of()
                : components.getSecuritySchemes().keySet();
        List<Violation> violations = new ArrayList<>();
        check(spec, spec.model().getSecurity(), "/security", declared, violations);
        for (SpecContext.OperationRef op : spec.operations()) {
            check(spec, op.operation().getSecurity(), op.pointer() + "/security", declared, violations);
        }
        return violations;
    }

    private void check(SpecContext spec, List<SecurityRequirement> requirements, String pointer, Set<String> declared,
                       List<Violation> violations) {
        if (requirements == null) {
            return;
        }
        for (int i = 0; i < requirements.size(); i++) {
            for (Map.Entry<String, List<String>> entry : requirements.get(i).entrySet()) {
                if (!declared.contains(entry.getKey())) {
                    violations.add(spec.violation(this, JsonPointer.append(pointer, i, entry.getKey()),
                            "Security scheme '" + entry.getKey() + "' is not declared in components"));
                }
            }
        }
    }
}
