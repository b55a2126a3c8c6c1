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

/**
 * A POST on a collection that also has items ({@code /orders} beside {@code /orders/{id}}) creates one; it answers
 * 201 (or 202 when creation is asynchronous). A POST elsewhere is an action and may answer 200.
 */
@Singleton
final class PostCreatedRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.status.post-create-201", Section.STATUS_CODES, Level.SHOULD,
            "POST that creates answers 201 Created");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            Set<String> codes = op.responseCodes();
            String path = op.path();
            boolean collection = op.method().equals("post")
                    && spec.paths().keySet().stream().anyMatch(p -> p.startsWith(path + "/{") && p.indexOf('/', path.length() + 1) < 0);
            if (collection && !codes.isEmpty() && !codes.contains("201") && !codes.contains("202")) {
                violations.add(spec.violation(this, op.pointer() + "/responses",
                        "POST " + path + " creates an item but declares neither 201 nor 202"));
            }
        }
        return violations;
    }
}
