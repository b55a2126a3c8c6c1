package org.ipdex.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.stack.LocalStack;
import org.ipdex.stack.StackSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The authorisation matrix: every operation the gateway's merged OpenAPI document serves × anonymous, office A's
 * key, office B's key, a revoked key and the admin key, against office A's resources, compared with the table in
 * {@code src/test/resources/authorisation.csv}. A served operation without a row fails the build, so a new endpoint
 * cannot be forgotten; so does a row whose operation is gone. The services' internal operations are tried on their
 * own ports with no token, office and admin tokens and the service token. Every error body met on the way, and those
 * of a few deliberately broken requests, must be a problem document that tells nothing of ipdex's insides.
 */
@ExtendWith(TheStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private LocalStack stack;
    private Http gateway;
    private MatrixFixture fixture;
    private MatrixRequests requests;
    private ErrorBodyLeaks leaks;
    private IdentityTokenSigner signer;
    private List<AuthorisationRow> table;

    @BeforeAll
    void setUp(TheStack.Running running) throws IOException {
        stack = running.stack();
        gateway = running.gateway();
        fixture = new MatrixFixture(gateway, stack.adminKey());
        requests = new MatrixRequests(fixture);
        signer = new IdentityTokenSigner(Files.readString(running.home().resolve("identity-secret")).strip());
        leaks = new ErrorBodyLeaks(backendPorts());
        table = AuthorisationRow.load();
    }

    @Test
    void theTableHasExactlyOneConsistentRowPerServedOperation() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (AuthorisationRow row : table) {
            rows.merge(row.operation(), 1, Integer::sum);
            problems.addAll(row.inconsistencies());
        }
        rows.forEach((operation, count) -> {
            if (count > 1) {
                problems.add(operation + ": " + count + " rows");
            }
        });
        Set<String> served = servedOperations();
        Set<String> tabled = table.stream().filter(row -> !row.internal()).map(AuthorisationRow::operation)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String operation : served) {
            if (!tabled.contains(operation)) {
                problems.add(operation + " is served but has no row in " + AuthorisationRow.RESOURCE
                        + ": say who may call it");
            }
        }
        for (String operation : tabled) {
            if (!served.contains(operation)) {
                problems.add(operation + " has a row but is no longer served: remove the row");
            }
        }
        assertFalse(served.isEmpty(), "the merged document lists no operation");
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems with " + AuthorisationRow.RESOURCE + ":\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void everyCallerGetsWhatTheTableSaysAndNoErrorBodyLeaks() {
        List<AuthorisationRow> rows = table.stream().filter(row -> !row.internal()).toList();
        assertFalse(rows.isEmpty(), "the matrix has no rows");
        List<String> mismatches = new ArrayList<>();
        Map<Caller, int[]> counts = new EnumMap<>(Caller.class);
        for (AuthorisationRow row : rows) {
            for (Caller caller : Caller.values()) {
                MatrixRequests.Request request = requests.of(row);
                Http.Answer answer = gateway.send(request.method(), request.path(), fixture.key(caller),
                        request.contentType(), request.body());
                Caller.Outcome expected = caller.expected(row);
                Caller.Outcome actual = Caller.Outcome.of(answer.status());
                counts.computeIfAbsent(caller, c -> new int[2])[actual == Caller.Outcome.ALLOWED ? 0 : 1]++;
                String label = caller + " " + request;
                if (expected != actual) {
                    mismatches.add(label + ": expected " + expected + ", got " + answer.status() + " "
                            + abbreviated(answer.body()));
                } else if (answer.status() >= 500 || answer.status() == 429) {
                    mismatches.add(label + ": " + answer.status() + " " + abbreviated(answer.body()));
                }
                if (answer.status() >= 400) {
                    leaks.check(label, answer);
                }
                if (answer.status() == 202 && row.operation().equals("POST /api/v1/search/rebuilds")) {
                    // a rebuild the matrix started is done before the rest of the run (and the next IT) searches
                    fixture.awaitRebuilt(answer.json().get("rebuildId").asText());
                }
            }
        }
        printSummary(rows.size(), counts);
        List<String> findings = leaks.findings();
        if (!mismatches.isEmpty() || !findings.isEmpty()) {
            fail(mismatches.size() + " authorisation mismatches, " + findings.size() + " leaking error bodies:\n  "
                    + String.join("\n  ", mismatches) + (findings.isEmpty() ? "" : "\n  ")
                    + String.join("\n  ", findings));
        }
    }

    @Test
    void internalOperationsAnswerOnlyTheServiceToken() {
        List<AuthorisationRow> internal = table.stream().filter(AuthorisationRow::internal).toList();
        assertFalse(internal.isEmpty(), "no internal operation in the table");
        Map<String, Optional<String>> tokens = new LinkedHashMap<>();
        tokens.put("no token", Optional.empty());
        tokens.put("a forged token", Optional.of(new IdentityTokenSigner("not-the-stack-secret-0123456789-abcdef")
                .token("search-service", List.of("service"), Optional.empty())));
        tokens.put("an anonymous token", Optional.of(signer.token("anonymous", List.of("public"), Optional.empty())));
        tokens.put("office A's token", Optional.of(signer.token("key:a", List.of("office"), Optional.of(fixture.officeA))));
        tokens.put("an admin token", Optional.of(signer.token("key:admin", List.of("admin"), Optional.empty())));
        tokens.put("the service token", Optional.of(signer.token("search-service", List.of("service"), Optional.empty())));
        ErrorBodyLeaks internalLeaks = new ErrorBodyLeaks(backendPorts());
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (AuthorisationRow row : internal) {
            String path = requests.of(row).path();
            Http.Answer throughGateway = gateway.get(path, fixture.adminKey);
            if (throughGateway.status() != 404) {
                mismatches.add("gateway " + row.operation() + " with the admin key: expected 404, got "
                        + throughGateway.status());
            }
            internalLeaks.check("gateway " + path, throughGateway);
            for (String service : row.services()) {
                Http direct = new Http(stack.serviceUrl(service));
                for (Map.Entry<String, Optional<String>> token : tokens.entrySet()) {
                    calls++;
                    Http.Answer answer = direct.get(path, token.getValue().orElse(null));
                    int expected = switch (token.getKey()) {
                        case "the service token" -> 200;
                        case "no token", "a forged token" -> 401;
                        default -> 403;
                    };
                    String label = service + " " + row.operation() + " with " + token.getKey();
                    if (answer.status() != expected) {
                        mismatches.add(label + ": expected " + expected + ", got " + answer.status() + " "
                                + abbreviated(answer.body()));
                    }
                    if (answer.status() >= 400) {
                        internalLeaks.check(label, answer);
                    }
                }
            }
        }
        System.out.println("Internal operations: " + internal.size() + " operations, " + calls
                + " direct calls to service ports with 6 kinds of token");
        List<String> findings = internalLeaks.findings();
        if (!mismatches.isEmpty() || !findings.isEmpty()) {
            fail(mismatches.size() + " mismatches, " + findings.size() + " leaking error bodies:\n  "
                    + String.join("\n  ", mismatches) + (findings.isEmpty() ? "" : "\n  ") + String.join("\n  ", findings));
        }
    }

    @Test
    void brokenRequestsGetCleanProblemDocuments() {
        ErrorBodyLeaks broken = new ErrorBodyLeaks(backendPorts());
        List<String> notErrors = new ArrayList<>();
        for (BrokenRequests.Probe probe : new BrokenRequests(fixture).probes()) {
            Http.Answer answer = gateway.send(probe.method(), probe.path(), fixture.key(probe.caller()),
                    probe.contentType(), probe.body());
            String label = probe.caller() + " " + probe.method() + " " + probe.path() + " (" + probe.what() + ")";
            if (answer.status() < 400) {
                // SQL in a filter is just a value that matches nothing: an empty page is a fine answer
                continue;
            }
            if (answer.status() >= 500) {
                notErrors.add(label + ": a server error, " + answer.status() + " " + abbreviated(answer.body()));
            }
            broken.check(label, answer);
        }
        System.out.println("Broken requests: " + broken.checked() + " error bodies checked");
        assertTrue(broken.checked() > 40, "too few broken requests were answered with errors: " + broken.checked());
        List<String> findings = broken.findings();
        if (!notErrors.isEmpty() || !findings.isEmpty()) {
            fail(notErrors.size() + " broken requests answered with server errors, " + findings.size()
                    + " leaking error bodies:\n  " + String.join("\n  ", notErrors)
                    + (findings.isEmpty() ? "" : "\n  ") + String.join("\n  ", findings));
        }
    }

    private Set<String> servedOperations() {
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = mergedDocument().get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    /**
     * The merged document once every service is in it. The gateway merges on demand and retries a missing source:
     * on a loaded machine the first answer can take longer than one request's time-out, or lack a service.
     */
    private JsonNode mergedDocument() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            try {
                Http.Answer docs = gateway.get("/docs/openapi.json", null);
                if (docs.status() == 200 && !docs.json().at("/info/description").asText().contains("Incomplete")) {
                    return docs.json();
                }
                if (Instant.now().isAfter(deadline)) {
                    return fail("no complete merged document at /docs: " + docs.status() + " " + abbreviated(docs.body()));
                }
            } catch (AssertionError timedOut) {
                if (Instant.now().isAfter(deadline)) {
                    throw timedOut;
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }
    }

    private void printSummary(int operations, Map<Caller, int[]> counts) {
        StringBuilder summary = new StringBuilder("Authorisation matrix: " + operations + " operations × "
                + Caller.values().length + " callers = " + operations * Caller.values().length + " requests\n");
        summary.append(String.format("  %-12s %8s %8s%n", "caller", "allowed", "refused"));
        counts.forEach((caller, count) -> summary.append(String.format("  %-12s %8d %8d%n",
                caller.name().toLowerCase(Locale.ROOT), count[0], count[1])));
        Map<AuthorisationRow.Access, Long> byAccess = table.stream()
                .collect(Collectors.groupingBy(AuthorisationRow::access, () -> new EnumMap<>(AuthorisationRow.Access.class),
                        Collectors.counting()));
        summary.append("  operations by access: ").append(byAccess).append('\n');
        summary.append("  error bodies checked for leaks: ").append(leaks.checked());
        System.out.println(summary);
    }

    private List<Integer> backendPorts() {
        StackSettings.Ports ports = stack.ports();
        return List.of(ports.catalog(), ports.authority(), ports.search(), ports.postgres(), ports.elasticsearch());
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
