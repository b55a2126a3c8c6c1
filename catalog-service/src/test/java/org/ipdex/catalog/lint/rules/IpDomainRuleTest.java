package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class IpDomainRuleTest {

    private final IpDomainRule rule = new IpDomainRule();

    @Test
    void aMissingFieldIsReported() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths: {}
                """, "/info", "info.x-ip-domain is missing");
    }

    @Test
    void aValueOutsideTheVocabularyIsReported() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0, x-ipdomain: "Patent, Recipes"}
                paths: {}
                """, "/info/x-ipdomain", "'Recipes' is not a WIPO API Catalog value of x-ip-domain");
    }

    @Test
    void theRealVariantNameAndAnyCasePass() {
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0, x-ipdomain: "patent, Trademark"}
                paths: {}
                """);
    }
}
