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

/** The catalogue and documentation list operations by their summary. */
@Singleton
final class OperationSummaryRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.operation-summary", Section.SERVICE_CONTRACT, Level.SHOULD,
            "Every operation has a summary");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            String name = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
            if (op.operation().getSummary() == null || op.operation().getSummary().isBlank()) {
                violations.add(spec.violation(this, op.pointer(), name + " has no summary"));
            }
        }
        return violations;
    }
}
