package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Error bodies are {@code application/problem+json} (RFC 9457) or an equivalent documented model, which here
 * means a schema with a code-like and a message-like property.
 */
@Singleton
final class ProblemDetailsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.errors.problem-details", Section.ERROR_HANDLING,
            Level.SHOULD, "Error bodies are problem+json or carry a code and a message");
    private static final Set<String> CODES = Set.of("code", "status", "type", "errorcode", "error");
    private static final Set<String> MESSAGES = Set.of("message", "detail", "title", "description",
            "errormessage", "error_description");

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
                ApiResponse response = spec.resolve(declared);
                if (Rules.isError(code) && response != null && Rules.hasContent(response.getContent())
                        && response.getContent().keySet().stream().noneMatch(t -> t.contains("problem+"))
                        && response.getContent().values().stream()
                        .noneMatch(media -> media != null && documented(spec, media.getSchema()))) {
                    violations.add(spec.violation(this, JsonPointer.append(op.pointer(), "responses", code),
                            "Error response " + code + " is neither problem+json nor a model with a code and a message"));
                }
            });
        }
        return violations;
    }

    private static boolean documented(SpecContext spec, Schema<?> declared) {
        Set<String> names = new HashSet<>();
        collect(spec, spec.resolve(declared), names, 0);
        return names.stream().anyMatch(CODES::contains) && names.stream().anyMatch(MESSAGES::contains);
    }

    private static void collect(SpecContext spec, Schema<?> schema, Set<String> names, int depth) {
        if (schema == null || depth > 3) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().keySet().forEach(name -> names.add(name.toLowerCase(java.util.Locale.ROOT)));
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> collect(spec, spec.resolve(part), names, depth + 1));
        }
    }
}
