package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class SecurityRequirementsDeclaredRuleTest {

    private final SecurityRequirementsDeclaredRule rule = new SecurityRequirementsDeclaredRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            security: [{%s: []}]
            paths: {}
            components: {securitySchemes: {apiKey: {type: apiKey, in: header, name: X-Key}}}
            """;

    @Test
    void anUndeclaredSchemeIsReported() {
        assertOne(rule, SPEC.formatted("oauth"), "/security/0/oauth",
                "Security scheme 'oauth' is not declared in components");
    }

    @Test
    void aDeclaredSchemePasses() {
        assertNone(rule, SPEC.formatted("apiKey"));
    }
}
