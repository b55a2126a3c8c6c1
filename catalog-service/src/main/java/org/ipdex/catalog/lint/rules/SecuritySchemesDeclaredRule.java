package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.List;

/** Even an open API says so: a client needs to know whether and how to authenticate before its first call. */
@Singleton
final class SecuritySchemesDeclaredRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.security.schemes-declared", Section.SECURITY_MODEL,
            Level.SHOULD, "Security schemes are declared");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        var components = spec.model().getComponents();
        if (components == null || components.getSecuritySchemes() == null
                || components.getSecuritySchemes().isEmpty()) {
            return List.of(spec.violation(this, components == null ? "" : "/components",
                    "No security schemes are declared"));
        }
        return List.of();
    }
}
