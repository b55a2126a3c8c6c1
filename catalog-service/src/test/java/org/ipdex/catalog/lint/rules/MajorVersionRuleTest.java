package org.ipdex.catalog.lint.rules;

import org.junit.jupiter.api.Test;

import static org.ipdex.catalog.lint.rules.RuleHarness.assertNone;
import static org.ipdex.catalog.lint.rules.RuleHarness.assertOne;

class MajorVersionRuleTest {

    private final MajorVersionRule rule = new MajorVersionRule();

    @Test
    void aSpecWithoutAVersionAnywhereIsReportedAtItsServers() {
        assertOne(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                servers: [{url: "https://api.example.org"}]
                paths:
                  /patents: {}
                """, "/servers", "Neither every server URL nor every path carries a major version such as /v1");
    }

    @Test
    void aVersionInTheServerUrlOrInEveryPathPasses() {
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                servers: [{url: "https://api.example.org/rest/v2"}]
                paths:
                  /patents: {}
                """);
        assertNone(rule, """
                openapi: 3.0.3
                info: {title: T, version: 1.0.0}
                paths:
                  /api/v1/patents: {}
                  /api/v1/designs: {}
                """);
    }
}
