package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Eating our own cooking: ipdex's public OpenAPI document, as the gateway merges it at {@code /docs}, goes through
 * ipdex's own ST.90 dry-run linter, and no MUST rule may fail. A new endpoint that breaks a rule fails this test,
 * with every violation listed (rule, JSON pointer, message).
 */
@ExtendWith(TheStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnApiConformanceIT {

    private Http gateway;

    @BeforeAll
    void connect(TheStack.Running running) {
        gateway = running.gateway();
    }

    @Test
    void theMergedDocumentHasEveryServiceAndNoInternalPath() {
        JsonNode document = merged();
        assertEquals("ipdex public API", document.at("/info/title").asText());
        assertFalse(document.at("/info/description").asText().contains("Incomplete"),
                "every service contributed: " + document.at("/info/description").asText());
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        for (String expected : List.of("/api/v1/catalog/apis", "/api/v1/catalog/lintReports",
                "/api/v1/authority/coverageChecks", "/api/v1/search/apis", "/api/v1/admin/apiKeys")) {
            assertTrue(paths.contains(expected), expected + " in " + paths);
        }
        assertTrue(paths.stream().noneMatch(path -> path.startsWith("/internal") || path.equals("/health")),
                paths.toString());
        assertEquals(1, document.get("servers").size());
    }

    @Test
    void ourOwnPublicApiPassesOurOwnSt90RulesAtMustLevel() {
        Http.Answer docs = gateway.get("/docs/openapi.json", null);
        assertEquals(200, docs.status(), docs.body());

        Http.Answer report = gateway.post("/api/v1/catalog/lintReports", null, "application/json", docs.body());

        assertEquals(200, report.status(), report.body());
        assertTrue(report.json().get("rulesChecked").asInt() >= 30, report.body());
        List<String> must = new ArrayList<>();
        for (JsonNode violation : report.json().get("violations")) {
            if ("MUST".equals(violation.get("severity").asText())) {
                must.add(violation.get("ruleId").asText() + " at " + violation.get("pointer").asText() + ": "
                        + violation.get("message").asText());
            }
        }
        // the lesser findings are worth reading in the test output, but do not fail the build
        System.out.println("ST.90 report of ipdex's own public API: score " + report.json().get("score").asInt()
                + ", level " + report.json().get("level").asText() + ", counts " + report.json().get("counts"));
        for (JsonNode violation : report.json().get("violations")) {
            System.out.println("  " + violation.get("severity").asText() + " " + violation.get("ruleId").asText()
                    + " at " + violation.get("pointer").asText() + ": " + violation.get("message").asText());
        }
        if (!must.isEmpty()) {
            fail(must.size() + " MUST violations in ipdex's own public API (score "
                    + report.json().get("score").asInt() + "):\n  " + String.join("\n  ", must));
        }
    }

    private JsonNode merged() {
        Http.Answer docs = gateway.get("/docs/openapi.json", null);
        assertEquals(200, docs.status(), docs.body());
        return docs.json();
    }
}
