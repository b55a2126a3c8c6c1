package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class ProblemDetailsRuleTest {

    private final ProblemDetailsRule rule = new ProblemDetailsRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /v1/a:
                get:
                  responses:
                    "404": {description: x, content: {%s: {schema: {$ref: "#/components/schemas/%s"}}}}
            components:
              schemas:
                Error: {type: object, properties: {code: {type: string}, message: {type: string}}}
                Bare: {type: object, properties: {reason: {type: string}}}
            """;

    @Test
    void anUndocumentedErrorModelIsReported() {
        assertOne(rule, SPEC.formatted("application/json", "Bare"), "/paths/~1v1~1a/get/responses/404",
                "Error response 404 is neither problem+json nor a model with a code and a message");
    }

    @Test
    void problemJsonOrACodeAndMessageModelPasses() {
        assertNone(rule, SPEC.formatted("application/problem+json", "Bare"));
        assertNone(rule, SPEC.formatted("application/json", "Error"));
    }
}
