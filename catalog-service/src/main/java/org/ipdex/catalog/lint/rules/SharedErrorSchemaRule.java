package org.ipdex.catalog.lint.rules;

import io.swagger.v3.oas.models.media.MediaType;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clients write one error handler: every 4xx/5xx body uses the same named schema. The most used one is taken as
 * the shared schema and every other error body is reported.
 */
@Singleton
final class SharedErrorSchemaRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.errors.shared-error-schema", Section.ERROR_HANDLING,
            Level.SHOULD, "One shared error schema");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Map<String, String> schemaByPointer = new LinkedHashMap<>();
        for (SpecContext.OperationRef op : spec.operations()) {
            if (op.operation().getResponses() == null) {
                continue;
            }
            op.operation().getResponses().forEach((code, declared) -> {
                ApiResponse response = spec.resolve(declared);
                if (Rules.isError(code) && response != null && Rules.hasContent(response.getContent())) {
                    response.getContent().forEach((type, media) -> schemaByPointer.put(
                            JsonPointer.append(op.pointer(), "responses", code, "content", type, "schema"),
                            name(spec, media)));
                }
            });
        }
        Map<String, Long> uses = new LinkedHashMap<>();
        schemaByPointer.values().forEach(name -> uses.merge(name, 1L, Long::sum));
        String shared = uses.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .max(Map.Entry.comparingByValue(Comparator.naturalOrder())).map(Map.Entry::getKey).orElse("");
        List<Violation> violations = new ArrayList<>();
        schemaByPointer.forEach((pointer, name) -> {
            if (!name.equals(shared)) {
                violations.add(spec.violation(this, pointer, shared.isEmpty()
                        ? "Error body has no named schema; declare one shared error schema in components"
                        : "Error body does not use the shared error schema '" + shared + "'"));
            }
        });
        return violations;
    }

    private static String name(SpecContext spec, MediaType media) {
        return media == null ? "" : spec.schemaName(media.getSchema()).orElse("");
    }
}
