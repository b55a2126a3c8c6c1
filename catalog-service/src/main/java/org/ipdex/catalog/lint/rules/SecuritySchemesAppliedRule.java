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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A declared scheme that no requirement applies leaves clients guessing where it is needed. */
@Singleton
final class SecuritySchemesAppliedRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.security.schemes-applied", Section.SECURITY_MODEL,
            Level.SHOULD, "Declared security schemes are applied");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        var components = spec.model().getComponents();
        if (components == null || components.getSecuritySchemes() == null) {
            return List.of();
        }
        Set<String> used = new HashSet<>();
        addAll(used, spec.model().getSecurity());
        spec.operations().forEach(op -> addAll(used, op.operation().getSecurity()));
        return components.getSecuritySchemes().keySet().stream()
                .filter(name -> !used.contains(name))
                .map(name -> spec.violation(this, JsonPointer.of("components", "securitySchemes", name),
                        "Security scheme '" + name + "' is declared but no operation requires it"))
                .toList();
    }

    private static void addAll(Set<String> used, List<SecurityRequirement> requirements) {
        if (requirements != null) {
            requirements.forEach(requirement -> used.addAll(requirement.keySet()));
        }
    }
}
