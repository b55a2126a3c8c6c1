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

/** Intermediaries may drop a GET or HEAD body; what selects a resource belongs in the URI. */
@Singleton
final class NoBodyOnGetRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.methods.no-body-on-get", Section.HTTP_METHODS, Level.MUST,
            "GET and HEAD have no request body");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            if ((op.method().equals("get") || op.method().equals("head")) && op.operation().getRequestBody() != null) {
                violations.add(spec.violation(this, op.pointer() + "/requestBody",
                        op.method().toUpperCase() + " " + op.path() + " has a request body"));
            }
        }
        return violations;
    }
}
