package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class PostCreatedRuleTest {

    private final PostCreatedRule rule = new PostCreatedRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /v1/orders:
                post:
                  responses:
                    "%s": {description: ok}
              /v1/orders/{id}: {}
              /v1/searches:
                post:
                  responses:
                    "200": {description: an action, not a creation}
            """;

    @Test
    void aPostOnACollectionAnswering200IsReported() {
        assertOne(rule, SPEC.formatted("200"), "/paths/~1v1~1orders/post/responses",
                "POST /v1/orders creates an item but declares neither 201 nor 202");
    }

    @Test
    void aPostOnACollectionAnswering201Passes() {
        assertNone(rule, SPEC.formatted("201"));
    }
}
