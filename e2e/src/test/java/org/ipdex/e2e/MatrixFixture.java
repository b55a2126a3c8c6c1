package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the authorisation matrix needs in place before it runs: offices A and B with a key each, a revoked key, and
 * office A's resources (an API with two versions, an authority edition, a coverage check, a search rebuild), made
 * through the public API like any client would. Office codes are drawn so that two runs on one stack never meet.
 */
final class MatrixFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    final Http gateway;
    final String adminKey;
    final String officeA;
    final String officeB;
    final String apiId;
    /** Version numbers as the catalogue counts them (1, 2, …), not the specs' own version strings. */
    final String firstVersion = "1";
    final String secondVersion = "2";
    final long editionId;
    final String documentNumber;
    final String checkId;
    final String rebuildId;
    final String ruleId;
    final String keyIdA;
    final String subscriptionId;
    private final Map<Caller, String> keys = new EnumMap<>(Caller.class);
    private final String nonce = Long.toString(System.nanoTime(), 36);

    MatrixFixture(Http gateway, String adminKey) {
        this.gateway = gateway;
        this.adminKey = adminKey;
        List<String> codes = unusedOfficeCodes(2);
        officeA = codes.get(0);
        officeB = codes.get(1);
        createOffice(officeA);
        createOffice(officeB);
        JsonNode keyA = issueKey(officeA);
        keyIdA = keyA.get("keyId").asText();
        keys.put(Caller.OFFICE_A, keyA.get("apiKey").asText());
        keys.put(Caller.OFFICE_B, issueKey(officeB).get("apiKey").asText());
        keys.put(Caller.ADMIN, adminKey);
        keys.put(Caller.REVOKED_KEY, revokedKey());

        String key = keys.get(Caller.OFFICE_A);
        Http.Answer registered = gateway.post("/api/v1/catalog/apis", key, "application/yaml", spec("Matrix Register", "1.0.0"));
        assertEquals(201, registered.status(), registered.body());
        apiId = registered.json().at("/api/apiId").asText();
        Http.Answer second = gateway.post("/api/v1/catalog/apis/" + apiId + "/versions", key, "application/yaml",
                spec("Matrix Register", "1.1.0"));
        assertEquals(201, second.status(), second.body());

        documentNumber = "7000001";
        Http.Answer edition = gateway.post("/api/v1/authority/offices/" + officeA + "/editions?layout=epo-csv&wait=true",
                key, "text/csv", editionFile());
        assertTrue(edition.status() == 201 || edition.status() == 200, edition.body());
        editionId = edition.json().at("/edition/editionId").asLong();

        Http.Answer check = gateway.post("/api/v1/authority/coverageChecks?offices=" + officeA, key, "text/csv",
                officeA + documentNumber + "\n");
        assertEquals(202, check.status(), check.body());
        checkId = check.json().get("checkId").asText();

        subscriptionId = subscribe();

        Http.Answer rebuild = gateway.post("/api/v1/search/rebuilds", adminKey, "application/json", "");
        assertEquals(202, rebuild.status(), rebuild.body());
        rebuildId = rebuild.json().get("rebuildId").asText();
        awaitRebuilt(rebuildId);

        Http.Answer rules = gateway.get("/api/v1/catalog/lintRules", null);
        assertEquals(200, rules.status(), rules.body());
        ruleId = rules.json().get(0).get("id").asText();
    }

    String key(Caller caller) {
        return keys.get(caller);
    }

    /** A value unique to this call, for writes that must not collide with an earlier one (titles, versions). */
    String unique() {
        return nonce + "-" + SERIAL.incrementAndGet();
    }

    static String spec(String title, String version) {
        return """
                openapi: 3.0.3
                info:
                  title: %s
                  version: %s
                  description: Authorisation matrix test API.
                paths:
                  /registerEntries:
                    get:
                      operationId: listRegisterEntries
                      summary: Register entries
                      responses:
                        '200':
                          description: The entries
                """.formatted(title, version);
    }

    String editionFile() {
        return "country;doc-number;kind;date;exception-code\n"
                + officeA + ";" + documentNumber + ";A1;20200115;\n"
                + officeA + ";7000002;B1;20210115;\n";
    }

    /**
     * A webhook subscription of office A's key. Its URL is a public address literal (no DNS look-up here) and it
     * wants only events of an office no test makes, so it is never delivered to.
     */
    String subscribe() {
        Http.Answer created = gateway.post("/api/v1/webhooks/subscriptions", keys.get(Caller.OFFICE_A),
                "application/json", "{\"url\":\"https://93.184.215.14/ipdex-matrix\",\"offices\":[\"QQ\"],"
                        + "\"types\":[\"coverage.check.finished\"]}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("subscriptionId").asText();
    }

    /** A key made for one write that uses it up (a revocation, a rotation). */
    String throwawayKeyId() {
        return issueKey(officeB).get("keyId").asText();
    }

    /** The current settings of a rule, as a PUT body that changes nothing. */
    String unchangedRuleSetting(boolean withId) {
        for (JsonNode rule : gateway.get("/api/v1/catalog/lintRules", null).json()) {
            if (rule.get("id").asText().equals(ruleId)) {
                String level = rule.get("level").asText().equals(rule.get("defaultLevel").asText()) ? "null"
                        : "\"" + rule.get("level").asText() + "\"";
                return "{" + (withId ? "\"ruleId\":\"" + ruleId + "\"," : "") + "\"enabled\":"
                        + rule.get("enabled").asBoolean() + ",\"level\":" + level + "}";
            }
        }
        return fail("rule " + ruleId + " is gone");
    }

    /** The current PCT scope as a PUT body (a new version with the same entries), or one entry if none is set. */
    String unchangedScope() {
        Http.Answer scope = gateway.get("/api/v1/authority/scope", null);
        if (scope.status() == 200) {
            return "{\"entries\":" + scope.json().get("entries") + "}";
        }
        return "{\"entries\":[{\"office\":\"" + officeA + "\",\"kinds\":[\"A1\"],\"fromYear\":2000,\"toYear\":null}]}";
    }

    /** A new office code for the admin's POST /admin/offices row. */
    String newOfficeBody() {
        String code = unusedOfficeCodes(1).get(0);
        return officeBody(code);
    }

    void awaitRebuilt(String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Http.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = gateway.get("/api/v1/search/rebuilds/" + id, adminKey);
            String state = last.status() == 200 ? last.json().path("state").asText() : "";
            if (!state.isEmpty() && !Set.of("running", "queued", "started").contains(state.toLowerCase())) {
                return;
            }
            sleep();
        }
        fail("rebuild " + id + " did not finish: " + (last == null ? "no answer" : last.body()));
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String revokedKey() {
        JsonNode issued = issueKey(officeA);
        String key = issued.get("apiKey").asText();
        // used once first, so a revocation that only the database knows of (a stale cache) would be caught
        assertEquals(200, gateway.get("/api/v1/catalog/apis?limit=1", key).status());
        Http.Answer revoked = gateway.send("DELETE", "/api/v1/admin/apiKeys/" + issued.get("keyId").asText(),
                adminKey, null, null);
        assertEquals(204, revoked.status(), revoked.body());
        return key;
    }

    private JsonNode issueKey(String office) {
        Http.Answer created = gateway.post("/api/v1/admin/apiKeys", adminKey, "application/json",
                "{\"name\":\"matrix " + office + " " + UUID.randomUUID() + "\",\"role\":\"office\",\"officeCode\":\""
                        + office + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private void createOffice(String code) {
        Http.Answer created = gateway.post("/api/v1/admin/offices", adminKey, "application/json", officeBody(code));
        assertEquals(201, created.status(), created.body());
    }

    private static String officeBody(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"Matrix office " + code + "\",\"country\":\"" + code
                + "\",\"contactEmail\":\"matrix@example.org\"}";
    }

    /** Two-letter codes starting with Q (unassigned in ST.3, so never demo data) that no office has yet. */
    private List<String> unusedOfficeCodes(int count) {
        Set<String> taken = new HashSet<>();
        Http.Answer offices = gateway.get("/api/v1/admin/offices?limit=200", adminKey);
        assertEquals(200, offices.status(), offices.body());
        for (JsonNode office : offices.json().path("items")) {
            taken.add(office.get("code").asText());
        }
        return java.util.stream.IntStream.rangeClosed('A', 'Z').mapToObj(c -> "Q" + (char) c)
                .filter(code -> !taken.contains(code)).limit(count).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
