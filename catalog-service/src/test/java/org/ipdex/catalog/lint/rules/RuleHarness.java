package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;
import org.ipdex.catalog.spec.SpecParser;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs one rule over an inline spec, as the engine would. */
final class RuleHarness {

    private static final SpecParser PARSER = new SpecParser();

    private RuleHarness() {
    }

    static List<Violation> check(LintRule rule, String spec) {
        return rule.check(SpecContext.of(PARSER.parse(spec.getBytes(StandardCharsets.UTF_8)).model()));
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
