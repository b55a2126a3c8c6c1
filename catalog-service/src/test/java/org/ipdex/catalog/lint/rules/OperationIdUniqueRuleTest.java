package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class OperationIdUniqueRuleTest {

    private final OperationIdUniqueRule rule = new OperationIdUniqueRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /v1/a: {get: {operationId: list, responses: {"200": {description: x}}}}
              /v1/b: {get: {operationId: %s, responses: {"200": {description: x}}}}
            """;

    @Test
    void aSecondUseIsReported() {
        assertOne(rule, SPEC.formatted("list"), "/paths/~1v1~1b/get/operationId",
                "operationId 'list' is also used by GET /v1/a");
    }

    @Test
    void distinctIdsPass() {
        assertNone(rule, SPEC.formatted("listB"));
    }
}
