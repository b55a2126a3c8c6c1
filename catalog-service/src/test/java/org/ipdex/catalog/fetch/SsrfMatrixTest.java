package org.ipdex.catalog.fetch;

import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.api.SourceRefresher;
import org.ipdex.catalog.probe.EndpointProber;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.ipdex.catalog.support.StubServer;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.problem.Problem;
import org.ipdex.stack.SsrfTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every spelling of {@link SsrfTargets} against every way the catalogue fetches a URL it was given: a spec source,
 * a redirect from an allowed host, a remote {@code $ref}, an endpoint probe; then DNS rebinding. The victim
 * server listens on 127.0.0.1 and must never see a request; the allowed host is a second server on 127.0.0.2
 * (allow-listed, as an administrator would list an internal host), and the fake DNS answers for the test's names.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsrfMatrixTest extends CatalogTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Fetched, version: "1"}
            paths: {}
            """;
    private static final AtomicInteger APIS = new AtomicInteger();

    @Inject
    EndpointProber prober;
    @Inject
    SourceRefresher refresher;
    StubServer victim;
    StubServer allowed;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.catalog.fetch.allow", "127.0.0.2/32");
        properties.put("ipdex.catalog.fetch.timeout", "2s");
        properties.put("ipdex.test.fake-dns", "true");
    }

    @BeforeAll
    void start() throws UnknownHostException {
        victim = new StubServer();
        victim.answer("/spec.yaml", StubServer.Answer.ok("application/yaml", SPEC.getBytes()));
        allowed = new StubServer(InetAddress.getByName("127.0.0.2"));
        allowed.answer("/spec.yaml", StubServer.Answer.ok("application/yaml", SPEC.getBytes()));
    }

    @AfterAll
    void stop() {
        victim.close();
        allowed.close();
    }

    static List<SsrfTargets.Target> targets() {
        return SsrfTargets.all();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aSourceUrlIsRefused(SsrfTargets.Target target) {
        Problem problem = register(target.url(victim.port()));
        assertRefusal(target, problem.detail());
        assertTrue(problem.detail().contains("refused: "), problem.detail());
        assertEquals("sourceUrl", problem.errors().get(0).parameter());
        assertEquals(0, victim.requests(), "nothing reached the victim");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aRedirectFromAnAllowedHostIsRefused(SsrfTargets.Target target) {
        String path = "/hop-" + APIS.incrementAndGet();
        allowed.answer(path, StubServer.Answer.redirect(target.url(victim.port())));
        int before = allowed.requests();
        assertRefusal(target, register(allowed.url(path)).detail());
        assertEquals(before + 1, allowed.requests(), "the first hop was fetched");
        assertEquals(0, victim.requests(), "the second hop was not");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aRemoteReferenceIsRefusedWhereItIsWritten(SsrfTargets.Target target) {
        String spec = SPEC + "components:\n  schemas:\n    Remote: {$ref: '" + target.url(victim.port())
                + "#/Thing'}\n";
        Problem single = harness.problem(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML,
                harness.office("SR")), 400);
        assertEquals("/components/schemas/Remote/$ref", single.errors().get(0).pointer());
        assertTrue(single.errors().get(0).message().contains("leaves the document"), single.errors().get(0).message());

        Problem bundle = harness.problem(harness.upload(CatalogHarness.zip(Map.of("main.yaml", spec.getBytes())),
                "application/zip", harness.office("SR")), 400);
        assertTrue(bundle.errors().get(0).message().contains("absolute or has a scheme"), bundle.toString());
        assertEquals(0, victim.requests());
    }

    @ParameterizedTest
    @MethodSource("targets")
    void anEndpointProbeIsRefused(SsrfTargets.Target target) {
        String url = target.url(victim.port());
        String spec = SPEC.replace("Fetched", "Probed " + APIS.incrementAndGet())
                + "servers:\n  - url: '" + url + "'\n";
        String id = harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML,
                harness.office("SR")), RegistrationResponse.class).body().api().apiId();
        String status = prober.probe(id);
        long checks = harness.count("SELECT count(*) FROM endpoint_check WHERE api_id = '" + id + "'");
        if (checks == 0) {
            URI parsed = URI.create(url);
            assertEquals("UNKNOWN", status);
            assertTrue(parsed.getHost() == null || !parsed.getScheme().startsWith("http"),
                    "only a URL that is no http(s) endpoint is skipped: " + url);
        } else {
            assertEquals(1, harness.count("SELECT count(*) FROM endpoint_check WHERE api_id = '" + id
                    + "' AND status = 'REFUSED' AND http_status IS NULL"));
            assertRefusal(target, harness.text("SELECT error FROM endpoint_check WHERE api_id = '" + id + "'"));
        }
        assertEquals(0, victim.requests());
    }

    /**
     * The rebinding name answers 127.0.0.2 (allowed) first and 10.0.0.1 afterwards. The fetch must use the first
     * answer for the connection — the JDK cannot resolve the name at all, so a client that resolved it again would
     * fail — and a re-fetch that gets the second answer is refused.
     */
    @Test
    void aNameIsResolvedOnceAndTheConnectionPinnedToTheCheckedAddress() {
        SsrfTargets.forget(SsrfTargets.REBINDING_NAME);
        String url = "http://" + SsrfTargets.REBINDING_NAME + ":" + allowed.port() + "/spec.yaml";
        int before = allowed.requests();
        String id = harness.exchange(harness.upload(("{\"sourceUrl\": \"" + url + "\"}").getBytes(),
                MediaType.APPLICATION_JSON, harness.office("SR")), RegistrationResponse.class).body().api().apiId();
        assertEquals(1, SsrfTargets.lookups(SsrfTargets.REBINDING_NAME), "one look-up per fetch");
        assertEquals(before + 1, allowed.requests(), "the checked address answered");

        ApiException refused = assertThrows(ApiException.class, () -> refresher.refresh(id));
        assertTrue(refused.getMessage().contains(SsrfTargets.REBINDING_NAME + " resolves to 10.0.0.1")
                && refused.getMessage().contains("private network"), refused.getMessage());
        assertEquals(before + 1, allowed.requests());
    }

    private Problem register(String url) {
        return harness.problem(harness.upload(("{\"sourceUrl\": \"" + url.replace("\"", "\\\"") + "\"}").getBytes(),
                MediaType.APPLICATION_JSON, harness.office("SR")), 400);
    }

    private static void assertRefusal(SsrfTargets.Target target, String message) {
        assertTrue(message.contains(target.names()), () -> "names " + target.names() + ": " + message);
        assertTrue(message.contains(target.reason()), () -> "says why (" + target.reason() + "): " + message);
        assertFalse(message.contains("secret"), () -> "no password in " + message);
    }
}
