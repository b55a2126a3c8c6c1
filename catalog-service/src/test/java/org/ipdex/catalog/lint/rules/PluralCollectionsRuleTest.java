package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class PluralCollectionsRuleTest {

    private final PluralCollectionsRule rule = new PluralCollectionsRule();

    @Test
    void aSingularCollectionBeforeAnItemTemplateIsReported() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /v1/patent/{number}: {}
                  /v1/designs/{id}: {}
                """, "/paths/~1v1~1patent~1{number}", "Collection 'patent' is not a plural noun");
    }

    @Test
    void pluralAndUncountableCollectionsPass() {
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /v1/patents/{number}/legalData/{code}: {}
                  /v1/criteria/{id}: {}
                """);
    }
}
