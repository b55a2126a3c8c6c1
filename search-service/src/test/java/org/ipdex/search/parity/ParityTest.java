package org.ipdex.search.parity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.page.Page;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.parity.OfficeState;
import org.ipdex.common.parity.SetChecksum;
import org.ipdex.search.SearchServiceTest;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.index.AuthorityEntry.ChecksumParts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parity check against the real Elasticsearch, with stub catalog and authority services whose "database" is a
 * map here. After indexing it finds nothing; then each test tampers with the index directly, each on its own API or
 * office, and finds exactly that difference. The first test must run before any tampering.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParityTest extends SearchServiceTest {

    static final String SPEC = "ParityTest";
    static final StubFeed AUTHORITY_FEED = StubFeed.named(SPEC + "-authority");
    static final Map<String, ApiState> APIS = new ConcurrentHashMap<>();
    static final Map<String, OfficeState> OFFICES = new ConcurrentHashMap<>();
    static final Map<Long, String> EDITIONS = new ConcurrentHashMap<>();
    static final String PREFIX = "paritytest-";

    @Inject
    ElasticsearchClient elasticsearch;
    private long lastCatalog;
    private long lastAuthority;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.feeds.authority.url", properties.get("ipdex.feeds.catalog.url") + "/stubAuthority");
        properties.put("ipdex.authority.indexing.drop-delay", "100ms");
    }

    @BeforeAll
    void indexApisAndEditions() {
        for (String id : List.of("a", "c", "d", "e", "f")) {
            api("par-" + id, 1, List.of(List.of("get", "/" + id), List.of("post", "/" + id), List.of("get", "/x")));
        }
        api("par-b", 1, List.of(List.of("get", "/old")));
        lastCatalog = api("par-b", 2, List.of(List.of("get", "/new"), List.of("delete", "/new/{id}")));
        edition(21, "EP", 200);
        lastAuthority = edition(22, "US", 3);
    }

    /** Before each test, not in {@code @BeforeAll}: the inherited injected fields are not set there yet. */
    @BeforeEach
    void awaitIndexed() {
        SearchTests.await("both feeds applied", Duration.ofSeconds(60),
                () -> SearchTests.checkpoint(client(), "catalog") >= lastCatalog
                        && SearchTests.checkpoint(client(), "authority") >= lastAuthority);
    }

    @Test
    @Order(1)
    void afterIndexingThereIsNoDifference() {
        SearchTests.await("parity", () -> report().differenceCount() == 0);
        ParityReport report = report();
        assertEquals(List.of(), report.differences());
        assertEquals(6, report.apis());
        assertEquals(17, report.operations());
        assertEquals(2, report.offices());
        assertEquals(203, report.records());
    }

    @Test
    @Order(2)
    void aDeletedApiDocumentIsMissing() throws IOException {
        elasticsearch.delete(d -> d.index(PREFIX + "apis").id("par-a").refresh(Refresh.True));
        assertDifference("missingInIndex", "api", "par-a", "version 1, revision 1", null);
    }

    @Test
    @Order(2)
    void anotherVersionInTheIndexIsStale() throws IOException {
        Map<String, Object> document = source("apis", "par-c");
        elasticsearch.index(i -> i.index(PREFIX + "apis").id("par-c").document(document).version(7L)
                .versionType(VersionType.External).refresh(Refresh.True));
        assertDifference("staleVersion", "api", "par-c", "version 1, revision 1", "version 1, revision 7");
    }

    @Test
    @Order(2)
    void aStrayDocumentIsExtra() throws IOException {
        elasticsearch.index(i -> i.index(PREFIX + "apis").id("par-stray")
                .document(Map.of("apiId", "par-stray", "versionNumber", 3)).version(4L)
                .versionType(VersionType.External).refresh(Refresh.True));
        assertDifference("extraInIndex", "api", "par-stray", null, "version 3, revision 4");
        elasticsearch.index(i -> i.index(PREFIX + "operations").id("par-ghost:get:/g")
                .document(Map.of("operationKey", "par-ghost:get:/g", "apiId", "par-ghost", "method", "get",
                        "path", "/g")).refresh(Refresh.True));
        assertDifference("extraInIndex", "operations", "par-ghost", null,
                "1 operations, checksum " + new SetChecksum().add("get /g").value());
    }

    @Test
    @Order(2)
    void aDeletedOperationIsACountMismatch() throws IOException {
        elasticsearch.delete(d -> d.index(PREFIX + "operations").id("par-d:post:/d").refresh(Refresh.True));
        ApiState api = APIS.get("par-d");
        assertDifference("countMismatch", "operations", "par-d", "3 operations, checksum " + api.operationChecksum(),
                "2 operations, checksum " + new SetChecksum().add("get /d").add("get /x").value());
    }

    @Test
    @Order(2)
    void aChangedOperationIsAChecksumMismatch() throws IOException {
        Map<String, Object> document = source("operations", "par-e:post:/e");
        document.put("path", "/e2");
        elasticsearch.index(i -> i.index(PREFIX + "operations").id("par-e:post:/e").document(document)
                .version(2L).versionType(VersionType.External).refresh(Refresh.True));
        assertDifference("checksumMismatch", "operations", "par-e", "3 operations, checksum "
                + APIS.get("par-e").operationChecksum(), "3 operations, checksum "
                + new SetChecksum().add("get /e").add("post /e2").add("get /x").value());
    }

    @Test
    @Order(2)
    void recordsDeletedFromAnEditionIndexAreACountMismatch() throws IOException {
        String index = PREFIX + "authority-us";
        String id = elasticsearch.search(s -> s.index(index).size(1).source(src -> src.fetch(false)), Void.class).hits().hits().get(0).id();
        elasticsearch.delete(d -> d.index(index).id(id).refresh(Refresh.True));
        OfficeState us = OFFICES.get("US");
        Difference difference = difference("authority", "US").orElseThrow();
        assertEquals("countMismatch", difference.kind());
        assertEquals("edition 22, 3 records, checksum " + us.recordChecksum(), difference.database());
        assertTrue(difference.index().startsWith("edition 22, 2 records, checksum "), difference.index());
    }

    @Test
    @Order(2)
    void aReplacedRecordIsAChecksumMismatch() throws IOException {
        String index = PREFIX + "authority-ep";
        Hit<Void> hit = elasticsearch.search(s -> s.index(index).size(1).source(src -> src.fetch(false)), Void.class).hits().hits().get(0);
        String concrete = hit.index();
        elasticsearch.delete(d -> d.index(concrete).id(hit.id()));
        ChecksumParts parts = ChecksumParts.of("EP9999999", "A1");
        elasticsearch.index(i -> i.index(concrete).document(Map.of("office", "EP", "numberKey", "EP9999999",
                "key", "EP9999999A1", "kind", "A1", "checksum",
                Map.of("high", parts.high(), "middle", parts.middle(), "low", parts.low()))).refresh(Refresh.True));
        Difference difference = difference("authority", "EP").orElseThrow();
        assertEquals("checksumMismatch", difference.kind());
        assertTrue(difference.index().startsWith("edition 21, 200 records, checksum "), difference.index());
    }

    @Test
    @Order(2)
    void anOfficeWithoutIndexIsMissingAndAnIndexWithoutOfficeIsExtra() throws IOException {
        OFFICES.put("CN", new OfficeState("CN", 40, 5, "0000000000000005"));
        String stray = PREFIX + "authority-jp-e41";
        elasticsearch.indices().create(c -> c.index(stray).aliases(PREFIX + "authority-jp", a -> a));
        assertDifference("missingInIndex", "authority", "CN", "edition 40, 5 records, checksum 0000000000000005",
                null);
        assertDifference("extraInIndex", "authority", "JP", null,
                "edition 41, 0 records, checksum 0000000000000000");
    }

    @Test
    @Order(2)
    void onlyAdministratorsMayAsk() {
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client().retrieve(HttpRequest.GET("/api/v1/admin/parity").bearerAuth(token())));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        String office = tokens.issue(new Identity("office-EP", Set.of(Roles.OFFICE), Optional.of("EP")));
        HttpClientResponseException anOffice = assertThrows(HttpClientResponseException.class,
                () -> client().retrieve(HttpRequest.GET("/api/v1/admin/parity").bearerAuth(office)));
        assertEquals(HttpStatus.FORBIDDEN, anOffice.getStatus());
        HttpClientResponseException none = assertThrows(HttpClientResponseException.class,
                () -> client().retrieve(HttpRequest.GET("/api/v1/admin/parity")));
        assertEquals(HttpStatus.UNAUTHORIZED, none.getStatus());
    }

    private void assertDifference(String kind, String resource, String id, String database, String index) {
        assertEquals(Optional.of(new Difference(kind, resource, id, database, index)), difference(resource, id));
    }

    private Optional<Difference> difference(String resource, String id) {
        return report().differences().stream().filter(d -> d.resource().equals(resource) && d.id().equals(id))
                .findFirst();
    }

    private ParityReport report() {
        String admin = tokens.issue(new Identity("admin", java.util.Set.of(Roles.ADMIN), Optional.empty()));
        return client().retrieve(HttpRequest.GET("/api/v1/admin/parity").bearerAuth(admin), ParityReport.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> source(String alias, String id) throws IOException {
        return new LinkedHashMap<>(elasticsearch.get(g -> g.index(PREFIX + alias).id(id), Map.class).source());
    }

    /** Appends the API to the feed and makes it the "database" state. */
    private long api(String apiId, int version, List<List<String>> operations) {
        List<Map<String, Object>> documents = new ArrayList<>();
        SetChecksum checksum = new SetChecksum();
        for (List<String> operation : operations) {
            documents.add(StubFeed.operation(operation.get(0).toUpperCase(), operation.get(1), apiId + " op"));
            checksum.add(ApiState.operationMember(operation.get(0), operation.get(1)));
        }
        APIS.put(apiId, new ApiState(apiId, version, version, operations.size(), checksum.value()));
        return feed.appendApi(apiId, "EP", "Parity " + apiId, "An API", version, documents);
    }

    private static long edition(long editionId, String office, int records) {
        StringBuilder lines = new StringBuilder();
        SetChecksum checksum = new SetChecksum();
        for (int i = 0; i < records; i++) {
            String numberKey = office + (1_000_000 + i);
            lines.append("{\"office\":\"").append(office).append("\",\"numberKey\":\"").append(numberKey)
                    .append("\",\"kind\":\"A1\",\"publicationDate\":\"2020-01-01\",\"exceptionCode\":null,")
                    .append("\"docNumber\":\"").append(numberKey).append("\"}\n");
            checksum.add(OfficeState.recordMember(numberKey, "A1"));
        }
        EDITIONS.put(editionId, lines.toString());
        OFFICES.put(office, new OfficeState(office, editionId, records, checksum.value()));
        return AUTHORITY_FEED.append("edition.activated", office, editionId, Map.of("editionId", editionId,
                "office", office, "category", "full", "recordCount", records, "producedOn", "2024-01-01"));
    }

    /** catalog-service's state endpoint over {@link #APIS}, in id order like the real one. */
    @Requires(property = "spec.name", value = SPEC)
    @Controller("/internal/v1/apiStates")
    @Secured(Roles.SERVICE)
    static class StubCatalogStates {

        @Get
        Page<ApiState> page(@QueryValue(defaultValue = "") String after, @QueryValue int limit) {
            List<ApiState> page = APIS.values().stream().filter(api -> api.apiId().compareTo(after) > 0)
                    .sorted(java.util.Comparator.comparing(ApiState::apiId)).limit(limit).toList();
            return new Page<>(page, page.size() < limit ? null : page.get(page.size() - 1).apiId());
        }
    }

    /** authority-service under a base path of its own, beside the stub catalog feed on the same server. */
    @Requires(property = "spec.name", value = SPEC)
    @Controller("/stubAuthority/internal/v1")
    @Secured(Roles.SERVICE)
    static class StubAuthorityService {

        @Get(value = "/changes", produces = ChangeEvent.MEDIA_TYPE)
        HttpResponse<String> changes(@QueryValue long after, @QueryValue int limit) {
            return AUTHORITY_FEED.serve(after, limit);
        }

        @Get(value = "/editions/{editionId}/records", produces = ChangeEvent.MEDIA_TYPE)
        HttpResponse<String> records(@PathVariable long editionId) {
            String body = EDITIONS.get(editionId);
            return body == null ? HttpResponse.notFound() : HttpResponse.ok(body).contentType(ChangeEvent.MEDIA_TYPE);
        }

        @Get("/officeStates")
        Page<OfficeState> offices() {
            return new Page<>(List.copyOf(OFFICES.values()), null);
        }
    }
}
