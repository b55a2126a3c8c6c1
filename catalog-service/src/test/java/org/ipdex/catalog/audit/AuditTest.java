package org.ipdex.catalog.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.common.page.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change is recorded; the owning office and administrators read the record, nobody else. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTest extends CatalogTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Audited, version: "%s"}
            paths: {}
            """;

    @Test
    void registrationsAndPatchesAreRecordedWithWhoWhenAndWhat() {
        upload(SPEC.formatted("1"), harness.office("JP"));
        upload(SPEC.formatted("1"), harness.office("JP")); // unchanged: nothing to record
        harness.exchange(harness.newVersion("jp-audited", SPEC.formatted("2").getBytes(), MediaType.APPLICATION_YAML,
                harness.admin()), String.class);
        harness.exchange(HttpRequest.PATCH(APIS + "/jp-audited", "{\"lifecycle\": \"deprecated\"}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(harness.office("JP")), String.class);

        List<AuditEntryResponse> entries = entries("jp-audited", harness.office("JP"), "");
        assertEquals(List.of("metadata.changed", "version.created", "version.created", "api.created"),
                entries.stream().map(AuditEntryResponse::action).toList(), "newest first");
        assertEquals(List.of("office-JP", "admin", "office-JP", "office-JP"),
                entries.stream().map(AuditEntryResponse::actor).toList());
        assertEquals("deprecated", entries.get(0).detail().get("patch").get("lifecycle").getStringValue());
        assertEquals(2, entries.get(1).version());
        assertTrue(entries.get(1).detail().get("contentSha256").getStringValue().length() == 64);
        assertEquals(entries, entries("jp-audited", harness.admin(), ""));

        Page<AuditEntryResponse> first = page("jp-audited", harness.admin(), "?limit=2");
        assertEquals(2, first.items().size());
        assertEquals(entries.subList(2, 4), page("jp-audited", harness.admin(), "?limit=2&cursor=" + first.next()).items());
    }

    @Test
    void anotherOfficeAndThePublicMayNotReadIt() {
        upload(SPEC.formatted("1").replace("Audited", "Private trail"), harness.office("JP"));
        harness.problem(HttpRequest.GET(APIS + "/jp-private-trail/auditEntries").bearerAuth(harness.office("KR")), 403);
        harness.problem(HttpRequest.GET(APIS + "/jp-private-trail/auditEntries").bearerAuth(harness.anonymous()), 401);
        harness.problem(HttpRequest.GET(APIS + "/jp-nothing/auditEntries").bearerAuth(harness.admin()), 404);
    }

    private void upload(String spec, String token) {
        harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML, token)
                .uri(java.net.URI.create(APIS + "?office=JP")), String.class);
    }

    private List<AuditEntryResponse> entries(String apiId, String token, String query) {
        return page(apiId, token, query).items();
    }

    private Page<AuditEntryResponse> page(String apiId, String token, String query) {
        return client.toBlocking().retrieve(HttpRequest.GET(APIS + "/" + apiId + "/auditEntries" + query)
                .bearerAuth(token), Argument.of(Page.class, AuditEntryResponse.class));
    }
}
