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
import java.util.Set;

@Singleton
final class SuccessResponseRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.status.success-response", Section.STATUS_CODES, Level.MUST,
            "Every operation declares a success response");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            Set<String> codes = op.responseCodes();
            if (codes.stream().noneMatch(code -> Rules.isSuccess(code) || code.startsWith("3"))) {
                violations.add(spec.violation(this, op.pointer() + "/responses",
                        op.method().toUpperCase() + " " + op.path() + " declares no 2xx or 3xx response"));
            }
        }
        return violations;
    }
}
