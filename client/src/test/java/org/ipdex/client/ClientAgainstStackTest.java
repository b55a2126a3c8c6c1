package org.ipdex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipdex.client.api.AuthorityApi;
import org.ipdex.client.api.CoverageApi;
import org.ipdex.client.api.SearchApi;
import org.ipdex.client.invoker.ApiException;
import org.ipdex.client.model.ApiKeyRequest;
import org.ipdex.client.model.CoverageCheckResponse;
import org.ipdex.client.model.DiffReport;
import org.ipdex.client.model.GatewayOfficeRequest;
import org.ipdex.client.model.IssuedApiKeyResponse;
import org.ipdex.client.model.RegistrationOutcome;
import org.ipdex.client.model.RegistrationResponse;
import org.ipdex.client.model.StatisticsResponseRow;
import org.ipdex.client.model.UploadResponse;
import org.ipdex.client.model.VersionSummary;
import org.ipdex.stack.TemporaryStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generated client against the real product (every service as a process, PostgreSQL, Elasticsearch), one
 * public operation group at a time, and the build-time document against the one the gateway serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAgainstStackTest {

    private static final String OFFICE = "DE";
    private static final String API_ID = "de-client-legal-status";
    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Client Legal Status
              version: 1.0.0
              description: The legal status of applications at the Ruritanian office, read by a typed client.
            paths:
              /legalStatuses/{applicationNumber}:
                get:
                  operationId: getLegalStatus
                  summary: The legal status of one application
                  parameters:
                    - {name: applicationNumber, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: The status
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [status]
                            properties:
                              status: {type: string}
            """;
    /** The same API with the response's required field renamed (status gone): a breaking change. */
    private static final String BREAKING = SPEC.replace("version: 1.0.0", "version: 2.0.0")
            .replace("required: [status]", "required: [reason]").replace("status: {type: string}", "reason: {type: string}");
    private static final String EDITION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <authority-file country="DE" date-produced="20240101" update-af-category="full">
              <authority-file-entry><document-id><country>DE</country><doc-number>1000001</doc-number><kind>A1</kind><publication-date>20200105</publication-date></document-id></authority-file-entry>
              <authority-file-entry><document-id><country>DE</country><doc-number>1000002</doc-number><kind>A1</kind><publication-date>20200112</publication-date></document-id></authority-file-entry>
              <authority-file-entry><document-id><country>DE</country><doc-number>1000003</doc-number><kind>B1</kind><publication-date>20210601</publication-date></document-id></authority-file-entry>
            </authority-file>
            """;

    private TemporaryStack stack;
    private IpdexClient anonymous;
    private IpdexClient admin;
    private IpdexClient office;
    private UploadResponse upload;

    @BeforeAll
    void start() throws ApiException {
        stack = TemporaryStack.start();
        anonymous = IpdexClient.connect(ClientSettings.of(stack.gatewayUrl()));
        admin = IpdexClient.connect(ClientSettings.of(stack.gatewayUrl()).withApiKey(stack.adminKey()));
        admin.admin().createOffice(new GatewayOfficeRequest().code(OFFICE).name("Deutsches Patent- und Markenamt")
                .country("DE").contactEmail("datenabgabe@dpma.de"));
        IssuedApiKeyResponse issued = admin.admin().createApiKey(new ApiKeyRequest().name("client test")
                .role("office").officeCode(OFFICE));
        office = IpdexClient.connect(ClientSettings.of(stack.gatewayUrl()).withApiKey(issued.getApiKey())
                .withTimeout(Duration.ofMinutes(2)));
        // the authority and coverage tests both need it; wait=true answers once the edition is active
        upload = office.authority().uploadEdition(AuthorityApi.APIUploadEditionRequest.newBuilder()
                .office(OFFICE).layout("st37-xml").strict(false).waitUntilActive(true).body(EDITION).build());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDocumentTheClientIsGeneratedFromIsTheOneTheGatewayServes() throws Exception {
        JsonNode built = new ObjectMapper().readTree(Path.of(System.getProperty("ipdex.public-api")).toFile());
        JsonNode served = awaitCompleteDocument();
        if (!built.equals(served)) {
            fail("client/ was generated from a document that differs from /docs: " + differences(built, served)
                    + ". Rebuild the services and the client together (./mvnw -pl client -am verify).");
        }
    }

    @Test
    void catalogRegisterListVersionsAndDiff() throws Exception {
        RegistrationResponse first = office.catalog().registerApi(SPEC, null, API_ID, null);
        assertEquals(RegistrationOutcome.CREATED, first.getOutcome());
        assertEquals(API_ID, first.getApi().getApiId());
        assertEquals(RegistrationOutcome.UNCHANGED, office.catalog().registerVersion(API_ID, SPEC, null).getOutcome());
        RegistrationResponse second = office.catalog().registerVersion(API_ID, BREAKING, null);
        assertEquals(RegistrationOutcome.NEW_VERSION, second.getOutcome());
        assertEquals(2, second.getVersion());
        assertTrue(second.getBreakingChanges() > 0, second.toString());

        assertTrue(anonymous.catalog().listApis(200, OFFICE, null).getItems().stream()
                .anyMatch(api -> api.getApiId().equals(API_ID)));
        List<VersionSummary> versions = anonymous.catalog().listVersions(API_ID);
        assertEquals(List.of(2, 1), versions.stream().map(VersionSummary::getNumber).toList(), "newest first");
        assertEquals(SPEC, Files.readString(anonymous.catalog().getVersionSpec(API_ID, 1, "original").toPath()));

        DiffReport diff = anonymous.diff().getVersionDiff(API_ID, 1, 2, "json");
        assertTrue(diff.getBreaking() > 0, diff.toString());
        assertTrue(diff.getChanges().stream().anyMatch(change -> change.getMessage().contains("status")),
                diff.toString());
    }

    @Test
    void aProblemDocumentIsATypedExceptionWithItsFields() {
        IpdexProblemException anonymousWrite = assertThrows(IpdexProblemException.class,
                () -> anonymous.catalog().registerApi(SPEC, OFFICE, null, null));
        assertEquals(401, anonymousWrite.problem().status());
        assertNotNull(anonymousWrite.problem().type());
        assertNotNull(anonymousWrite.problem().requestId(), "the gateway names the request");

        IpdexProblemException invalid = assertThrows(IpdexProblemException.class,
                () -> office.catalog().registerApi("openapi: 3.0.3\ninfo: [not, an, object]\npaths: {}\n", null,
                        "de-client-invalid", null));
        assertEquals(400, invalid.problem().status());
        assertFalse(invalid.problem().errors().isEmpty(), invalid.problem().toString());
        assertTrue(invalid.problem().errors().stream().anyMatch(e -> e.pointer() != null || e.line() != null),
                invalid.problem().toString());

        IpdexProblemException missing = assertThrows(IpdexProblemException.class,
                () -> anonymous.catalog().getApi("de-no-such-api"));
        assertEquals(404, missing.problem().status());
        assertTrue(missing.getMessage().startsWith("404 "), missing.getMessage());
    }

    @Test
    void authorityUploadStatisticsAndLookUp() throws Exception {
        assertEquals("activated", upload.getOutcome(), upload.toString());

        List<StatisticsResponseRow> rows = anonymous.authority().getStatistics(OFFICE).getRows();
        assertEquals(3, rows.stream().mapToLong(StatisticsResponseRow::getRecords).sum(), rows.toString());
        assertEquals(2, rows.stream().filter(row -> row.getYear() == 2020).mapToLong(StatisticsResponseRow::getRecords)
                .sum(), rows.toString());

        // the look-up by number through the search index, which the feed fills asynchronously
        JsonNode found = await(() -> tree(anonymous.search().searchAuthority(SearchApi.APISearchAuthorityRequest
                        .newBuilder().q("DE 1000003 B1").build())),
                hits -> hits.toString().contains("1000003"), "DE1000003B1 searchable");
        assertTrue(found.toString().contains("1000003"), found.toString());
    }

    @Test
    void coverageCheckAndItsReport() throws Exception {
        CoverageCheckResponse created = anonymous.coverage().createCoverageCheck(CoverageApi
                .APICreateCoverageCheckRequest.newBuilder().body("DE1000001A1\nDE 1000003\n").offices(OFFICE)
                .build());
        CoverageCheckResponse done = await(() -> anonymous.coverage().getCoverageCheck(created.getCheckId()),
                check -> check.getStatus().equals("done") || check.getStatus().equals("failed"), "the check done");
        assertEquals("done", done.getStatus(), done.toString());
        assertNotNull(done.getReport());
        String missing = Files.readString(anonymous.coverage().getCoverageCheckMissing(created.getCheckId()).toPath());
        assertTrue(missing.contains("1000002"), missing);
        assertFalse(missing.contains("1000001"), missing);
    }

    @Test
    void searchFindsARegisteredApi() throws Exception {
        office.catalog().registerApi(SPEC.replace("Client Legal Status", "Client Search Probe"), null,
                "de-client-search-probe", null);
        JsonNode hits = await(() -> tree(anonymous.search().searchApis(SearchApi.APISearchApisRequest.newBuilder()
                        .q("client search probe").build())),
                page -> page.toString().contains("de-client-search-probe"), "the API searchable");
        assertTrue(hits.path("items").size() > 0, hits.toString());
    }

    private JsonNode tree(Object generated) {
        return anonymous.apiClient().getObjectMapper().valueToTree(generated);
    }

    private JsonNode awaitCompleteDocument() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        return await(() -> new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                                URI.create(stack.gatewayUrl() + "/docs/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()),
                document -> !document.at("/info/description").asText().contains("Incomplete"),
                "every service's part in /docs");
    }

    /** Every JSON pointer at which the two documents differ (the first few), for a message that says where. */
    private static List<String> differences(JsonNode a, JsonNode b) {
        List<String> found = new ArrayList<>();
        collect("", a, b, found);
        return found.subList(0, Math.min(found.size(), 10));
    }

    private static void collect(String pointer, JsonNode a, JsonNode b, List<String> found) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(name -> {
                if (!a.has(name)) {
                    names.add(name);
                }
            });
            for (String name : names) {
                // path(): a member one side lacks is a MissingNode, unequal to anything
                collect(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), a.path(name), b.path(name), found);
            }
            return;
        }
        found.add(pointer);
    }

    /** A call that is expected to fail or fall short for a while: the search index and jobs are asynchronous. */
    @FunctionalInterface
    private interface Poll<T> {
        T get() throws ApiException, IOException, InterruptedException;
    }

    private static <T> T await(Poll<T> poll, Predicate<T> done, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = poll.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        return fail("Not within 90 s: " + what + "; last: " + last);
    }
}
