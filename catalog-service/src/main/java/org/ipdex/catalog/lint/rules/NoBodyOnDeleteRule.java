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

/** RFC 9110 gives a DELETE body no meaning and some servers and proxies reject it. */
@Singleton
final class NoBodyOnDeleteRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.methods.no-body-on-delete", Section.HTTP_METHODS, Level.SHOULD,
            "DELETE has no request body");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            if (op.method().equals("delete") && op.operation().getRequestBody() != null) {
                violations.add(spec.violation(this, op.pointer() + "/requestBody",
                        "DELETE " + op.path() + " has a request body"));
            }
        }
        return violations;
    }
}
