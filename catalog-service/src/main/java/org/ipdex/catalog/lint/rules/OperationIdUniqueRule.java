package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OpenAPI requires it, and the catalogue links to an operation by it. */
@Singleton
final class OperationIdUniqueRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.contract.operation-id-unique", Section.SERVICE_CONTRACT,
            Level.MUST, "operationIds are unique");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Map<String, String> firstUse = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            String id = op.operation().getOperationId();
            if (id == null) {
                continue;
            }
            String first = firstUse.putIfAbsent(id, op.method().toUpperCase() + " " + op.path());
            if (first != null) {
                violations.add(spec.violation(this, op.pointer() + "/operationId",
                        "operationId '" + id + "' is also used by " + first));
            }
        }
        return violations;
    }
}
