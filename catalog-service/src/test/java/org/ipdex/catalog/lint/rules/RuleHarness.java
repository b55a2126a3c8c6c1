package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs one rule over an inline spec, as the engine would. Reads with swagger-parser directly rather than the intake's
 * SpecParser, which (rightly) refuses some documents a rule must still be able to judge, such as one without a title.
 * Hands the rule the tree as written too, as the engine does, for rules that judge what the model drops (an example
 * {@code "2016_01_28"} of a {@code format: date}).
 */
final class RuleHarness {

    private RuleHarness() {
    }

    static List<Violation> check(LintRule rule, String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI model = new OpenAPIParser().readContents(spec, null, options).getOpenAPI();
        try {
            return rule.check(SpecContext.of(Objects.requireNonNull(model, "unreadable test spec"),
                    Yaml.mapper().readTree(spec)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable test spec", e);
        }
    }

    /** Asserts exactly one violation with this pointer and message. */
    static void assertOne(LintRule rule, String spec, String pointer, String message) {
        List<Violation> violations = check(rule, spec);
        assertEquals(1, violations.size(), () -> violations.toString());
        assertEquals(pointer, violations.get(0).pointer());
        assertEquals(message, violations.get(0).message());
        assertEquals(rule.info().id(), violations.get(0).ruleId());
    }

    static void assertNone(LintRule rule, String spec) {
        List<Violation> violations = check(rule, spec);
        assertEquals(List.of(), violations);
    }
}
