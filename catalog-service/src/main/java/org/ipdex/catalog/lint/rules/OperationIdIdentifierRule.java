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

/** Code generators turn operationIds into method names; spaces and punctuation break them. */
@Singleton
final class OperationIdIdentifierRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.operation-id-identifier", Section.SERVICE_CONTRACT, Level.SHOULD,
            "operationIds are identifiers");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            String name = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
            String id = op.operation().getOperationId();
            if (id != null && !id.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                violations.add(spec.violation(this, op.pointer() + "/operationId",
                        "operationId '" + id + "' of " + name + " is not an identifier (letters, digits, _)"));
            }
        }
        return violations;
    }
}
