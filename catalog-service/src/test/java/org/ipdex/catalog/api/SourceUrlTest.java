package org.ipdex.catalog.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.catalog.support.StubServer;
import org.ipdex.common.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Specs registered by URL: fetched now, re-fetched on a schedule, a new version only when the content changed.
 * Loopback is allow-listed for the stub server, as an administrator would allow an internal host; every redirect
 * hop is checked again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceUrlTest extends CatalogTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Fetched register, version: "%s", x-ip-domain: Trademark}
            paths:
              /marks:
                get:
                  responses:
                    '200': {description: ok}
            """;

    @Inject
    SourceRefresher refresher;
    StubServer stub;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.catalog.fetch.allow", "127.0.0.1/32");
        properties.put("ipdex.catalog.max-spec-size", "2MB");
    }

    @BeforeAll
    void start() {
        stub = new StubServer();
    }

    @AfterAll
    void stop() {
        stub.close();
    }

    @Test
    void aSourceIsFetchedNowAndAgainOnlyNewContentMakesAVersion() {
        stub.answer("/register.yaml", StubServer.Answer.ok("application/yaml", SPEC.formatted("1").getBytes()));
        RegistrationResponse created = register(stub.url("/register.yaml")).body();
        String id = created.api().apiId();
        assertEquals(RegistrationOutcome.CREATED, created.outcome());
        assertEquals(stub.url("/register.yaml"), created.api().sourceUrl());
        assertEquals(stub.url("/register.yaml"), created.api().metadata().specSourceUrl());

        assertEquals(Optional.of(RegistrationOutcome.UNCHANGED), refresher.refresh(id));
        assertEquals(1L, versions(id));

        stub.answer("/register.yaml", StubServer.Answer.ok("application/yaml", SPEC.formatted("2").getBytes()));
        assertEquals(1, refresher.refreshAll());
        assertEquals(2L, versions(id));
        assertEquals(1L, harness.count("SELECT count(*) FROM api_version WHERE api_id = '" + id
                + "' AND number = 2 AND origin = 'url' AND created_by = 'source-refresh'"));

        stub.answer("/register.yaml", StubServer.Answer.status(503));
        assertEquals(0, refresher.refreshAll(), "a failing source keeps its latest version");
        assertEquals(2L, versions(id));
    }

    @Test
    void redirectsAreFollowedAndEveryHopIsChecked() {
        stub.answer("/current.yaml", StubServer.Answer.ok("application/yaml",
                SPEC.replace("Fetched register", "Moved register").formatted("1").getBytes()));
        stub.answer("/moved", StubServer.Answer.redirect(stub.url("/current.yaml")));
        assertEquals(HttpStatus.CREATED, register(stub.url("/moved")).getStatus());

        Map<String, Long> before = harness.rowCounts();
        int requests = stub.requests();
        stub.answer("/to-metadata", StubServer.Answer.redirect("http://169.254.169.254/latest/meta-data/"));
        stub.answer("/to-private", StubServer.Answer.redirect("http://10.1.2.3/spec.yaml"));
        stub.answer("/to-ipv6-loopback", StubServer.Answer.redirect("http://[::1]:" + stub.port() + "/current.yaml"));
        for (String path : new String[]{"/to-metadata", "/to-private", "/to-ipv6-loopback"}) {
            Problem problem = refused(stub.url(path), 400);
            assertTrue(problem.detail().contains("refused") && problem.detail().contains("not a public address"),
                    problem.detail());
        }
        assertEquals(requests + 3, stub.requests(), "only the first hop of each reached the stub");
        assertEquals(before, harness.rowCounts());
    }

    @Test
    void aSourceThatAnswersAnErrorOrTooMuchIsRefused() {
        Map<String, Long> before = harness.rowCounts();
        Problem missing = refused(stub.url("/nothing-here.yaml"), 400);
        assertTrue(missing.detail().contains("404"), missing.detail());
        stub.answer("/huge.yaml", StubServer.Answer.ok("application/yaml", new byte[3 * 1024 * 1024]));
        refused(stub.url("/huge.yaml"), 413);
        assertEquals(before, harness.rowCounts());
    }

    private io.micronaut.http.HttpResponse<RegistrationResponse> register(String url) {
        return harness.exchange(harness.upload(("{\"sourceUrl\": \"" + url + "\"}").getBytes(),
                MediaType.APPLICATION_JSON, harness.office("EM")), RegistrationResponse.class);
    }

    private Problem refused(String url, int status) {
        return harness.problem(harness.upload(("{\"sourceUrl\": \"" + url + "\"}").getBytes(),
                MediaType.APPLICATION_JSON, harness.office("EM")), status);
    }

    private long versions(String apiId) {
        return harness.count("SELECT count(*) FROM api_version WHERE api_id = '" + apiId + "'");
    }
}
