package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class LowerCamelCaseSegmentsRuleTest {

    private final LowerCamelCaseSegmentsRule rule = new LowerCamelCaseSegmentsRule();

    @Test
    void kebabAndSnakeSegmentsAreReportedOncePerPath() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /v1/legal-status/{number}/family_members: {}
                """, "/paths/~1v1~1legal-status~1{number}~1family_members", "Path segment 'legal-status' is not lowerCamelCase");
    }

    @Test
    void camelCaseVersionsTemplatesAndWellKnownNamesPass() {
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /v1/legalStatus/{family_id}: {}
                  /.well-known/api-catalog: {}
                """);
    }
}
