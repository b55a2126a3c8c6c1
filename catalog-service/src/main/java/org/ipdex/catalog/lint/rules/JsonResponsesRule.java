package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Structured responses are offered as JSON; XML may be offered beside it. Documents (PDF, images, archives) are
 * not structured data and are left alone.
 */
@Singleton
final class JsonResponsesRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.formats.json-responses", Section.MULTIPLE_FORMATS,
            Level.MUST, "Structured responses are available as JSON");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            if (op.operation().getResponses() == null) {
                continue;
            }
            op.operation().getResponses().forEach((code, declared) -> {
                var response = spec.resolve(declared);
                if (response != null && Rules.hasContent(response.getContent())
                        && response.getContent().keySet().stream().noneMatch(Rules::isJson)
                        && response.getContent().keySet().stream().anyMatch(type -> type.contains("xml"))) {
                    violations.add(spec.violation(this, JsonPointer.append(op.pointer(), "responses", code, "content"),
                            "Response " + code + " offers XML but not JSON"));
                }
            });
        }
        return violations;
    }
}
