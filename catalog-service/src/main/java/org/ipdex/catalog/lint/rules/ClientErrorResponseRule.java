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
final class ClientErrorResponseRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.status.client-error-response", Section.STATUS_CODES, Level.SHOULD,
            "Every operation declares its 4xx responses");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            Set<String> codes = op.responseCodes();
            if (codes.stream().noneMatch(code -> Rules.isClientError(code) || code.equals("default"))) {
                violations.add(spec.violation(this, op.pointer() + "/responses",
                        op.method().toUpperCase() + " " + op.path() + " declares no 4xx (or default) response"));
            }
        }
        return violations;
    }
}
