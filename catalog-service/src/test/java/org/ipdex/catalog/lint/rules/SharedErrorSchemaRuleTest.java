package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class SharedErrorSchemaRuleTest {

    private final SharedErrorSchemaRule rule = new SharedErrorSchemaRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /v1/a:
                get:
                  responses:
                    "404": {description: x, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
                    "500": {description: x, content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
              /v1/b:
                get:
                  responses:
                    "400": {description: x, content: {application/json: {schema: {$ref: "#/components/schemas/%s"}}}}
            components:
              schemas:
                Error: {type: object}
                Fault: {type: object}
            """;

    @Test
    void anErrorBodyWithAnotherSchemaIsReported() {
        assertOne(rule, SPEC.formatted("Fault"), "/paths/~1v1~1b/get/responses/400/content/application~1json/schema",
                "Error body does not use the shared error schema 'Error'");
    }

    @Test
    void oneSharedSchemaPasses() {
        assertNone(rule, SPEC.formatted("Error"));
    }
}
