package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class JsonResponsesRuleTest {

    private final JsonResponsesRule rule = new JsonResponsesRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /v1/a:
                get:
                  responses:
                    "200": {description: x, content: {%s}}
            """;

    @Test
    void anXmlOnlyResponseIsReported() {
        assertOne(rule, SPEC.formatted("application/xml: {schema: {type: object}}"),
                "/paths/~1v1~1a/get/responses/200/content", "Response 200 offers XML but not JSON");
    }

    @Test
    void jsonBesideXmlAndDocumentDownloadsPass() {
        assertNone(rule, SPEC.formatted("application/xml: {schema: {type: object}}, application/json: {schema: {type: object}}"));
        assertNone(rule, SPEC.formatted("application/pdf: {schema: {type: string, format: binary}}"));
    }
}
