package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** A parameter name alone rarely says its format or effect. */
@Singleton
final class ParameterDescriptionRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.parameter-description", Section.SERVICE_CONTRACT, Level.MAY,
            "Parameters are described");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            String name = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
            if (op.operation().getParameters() == null) {
                continue;
            }
            for (int i = 0; i < op.operation().getParameters().size(); i++) {
                var parameter = spec.resolve(op.operation().getParameters().get(i));
                if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
                    violations.add(spec.violation(this, op.pointer() + "/parameters/" + i,
                            "Parameter '" + parameter.getName() + "' of " + name + " has no description"));
                }
            }
        }
        return violations;
    }
}
