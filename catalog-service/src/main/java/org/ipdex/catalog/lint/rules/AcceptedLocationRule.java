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

/** A 202 starts long-running work; its Location header (or a body link) tells the client where to follow it. */
@Singleton
final class AcceptedLocationRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.long-running.accepted-location", Section.LONG_RUNNING_OPERATIONS, Level.MAY,
            "202 Accepted says where to poll");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            String name = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
            var accepted = op.operation().getResponses() == null ? null
                    : spec.resolve(op.operation().getResponses().get("202"));
            if (accepted != null && (accepted.getHeaders() == null || !accepted.getHeaders().containsKey("Location"))
                    && !Rules.hasContent(accepted.getContent())) {
                violations.add(spec.violation(this, op.pointer() + "/responses/202",
                        name + " answers 202 without a Location header or a body to follow the work"));
            }
        }
        return violations;
    }
}
