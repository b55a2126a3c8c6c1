package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class NounsNotVerbsRuleTest {

    private final NounsNotVerbsRule rule = new NounsNotVerbsRule();

    @Test
    void aCrudVerbSegmentIsReported() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /v1/getPatents: {}
                """, "/paths/~1v1~1getPatents", "Path segment 'getPatents' is a verb; let the HTTP method say what happens");
    }

    @Test
    void nounsThatStartLikeVerbsPass() {
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /v1/settings: {}
                  /v1/addresses/{id}: {}
                  /v1/updates: {}
                """);
    }
}
