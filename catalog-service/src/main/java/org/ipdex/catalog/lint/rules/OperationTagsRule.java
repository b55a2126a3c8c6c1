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

/** Tags group operations in documentation and generated clients. */
@Singleton
final class OperationTagsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.operation-tags", Section.SERVICE_CONTRACT, Level.SHOULD,
            "Every operation is tagged");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            String name = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
            if (op.operation().getTags() == null || op.operation().getTags().isEmpty()) {
                violations.add(spec.violation(this, op.pointer(), name + " has no tags"));
            }
        }
        return violations;
    }
}
