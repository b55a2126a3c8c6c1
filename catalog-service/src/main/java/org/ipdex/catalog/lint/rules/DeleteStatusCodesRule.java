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
final class DeleteStatusCodesRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.status.delete-success-codes", Section.STATUS_CODES, Level.MUST,
            "DELETE answers 200, 202 or 204");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            Set<String> codes = op.responseCodes();
            if (op.method().equals("delete") && !codes.isEmpty()
                    && codes.stream().filter(Rules::isSuccess).noneMatch(Set.of("200", "202", "204")::contains)) {
                violations.add(spec.violation(this, op.pointer() + "/responses",
                        "DELETE " + op.path() + " declares none of 200, 202 or 204"));
            }
        }
        return violations;
    }
}
