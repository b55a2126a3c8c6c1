package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class LowerCamelCasePropertiesRuleTest {

    private final LowerCamelCasePropertiesRule rule = new LowerCamelCasePropertiesRule();

    @Test
    void aSnakeCasePropertyIsReportedWhereItIsDefined() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Patent: {type: object, properties: {publicationNumber: {type: string}, filing_date: {type: string}}}
                """, "/components/schemas/Patent/properties/filing_date", "Property 'filing_date' is not lowerCamelCase");
    }

    @Test
    void camelCaseAndHalLinksPass() {
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Patent: {type: object, properties: {filingDate: {type: string}, _links: {type: object}}}
                """);
    }
}
