package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class PaginationRuleTest {

    private final PaginationRule rule = new PaginationRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /v1/patents:
                get:
                  parameters: [{name: %s, in: query, schema: {type: string}}]
                  responses:
                    "200":
                      description: x
                      content:
                        application/json:
                          schema: {type: object, properties: {items: {type: array, items: {type: string}}}}
            """;

    @Test
    void aListWithoutPagingParametersIsReported() {
        assertOne(rule, SPEC.formatted("kind"), "/paths/~1v1~1patents/get/parameters",
                "GET /v1/patents returns a list but declares no paging parameter");
    }

    @Test
    void aCursorOrLimitPasses() {
        assertNone(rule, SPEC.formatted("cursor"));
        assertNone(rule, SPEC.formatted("limit"));
    }
}
