package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class DateFormatRuleTest {

    private final DateFormatRule rule = new DateFormatRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Patent: {type: object, properties: {filingDate: {type: string%s}, title: {type: string}}}
            """;

    @Test
    void aDateWithoutFormatIsReported() {
        assertOne(rule, SPEC.formatted(", pattern: \"^[0-9]{8}$\""), "/components/schemas/Patent/properties/filingDate",
                "Property 'filingDate' looks like a date but declares no format date or date-time");
    }

    @Test
    void aDateWithFormatPasses() {
        assertNone(rule, SPEC.formatted(", format: date"));
    }
}
