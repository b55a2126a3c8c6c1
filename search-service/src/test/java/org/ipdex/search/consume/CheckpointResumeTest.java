package org.ipdex.search.consume;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.page.Page;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.query.ApiHit;
import org.ipdex.stack.Ports;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service is stopped and started again: it resumes from its stored checkpoint, not from 0. */
class CheckpointResumeTest {

    static final String SPEC = "CheckpointResumeTest";
    static final StubFeed FEED = StubFeed.named(SPEC);

    @Test
    void aRestartedServiceResumesAfterItsCheckpoint() {
        String elasticsearch = TestStack.elasticsearch().url();
        long applied;
        try (EmbeddedServer first = start(elasticsearch)) {
            FEED.appendApi("ep-register", "EP", "European Patent Register", "Procedural data", 1, List.of());
            applied = FEED.appendApi("wo-patentscope", "WO", "PATENTSCOPE", "PCT applications", 1, List.of());
            BlockingHttpClient client = client(first);
            SearchTests.await("both events applied", () -> SearchTests.checkpoint(client, "catalog") >= applied);
        }

        FEED.forgetRequests();
        FEED.appendApi("gb-ipo", "GB", "UK patent search", "Patents of the UK IPO", 1, List.of());
        try (EmbeddedServer second = start(elasticsearch)) {
            BlockingHttpClient client = client(second);
            IdentityTokens tokens = second.getApplicationContext().getBean(IdentityTokens.class);
            SearchTests.await("the event appended while stopped is searchable", () -> client.retrieve(
                    HttpRequest.GET("/api/v1/search/apis?q=patent&limit=100").bearerAuth(tokens.issue(Identity.anonymous())),
                    Argument.of(Page.class, ApiHit.class)).items().stream()
                    .anyMatch(hit -> ((ApiHit) hit).apiId().equals("gb-ipo")));
            List<Long> requested = FEED.requestedAfter();
            assertEquals(applied, requested.get(0), "the first read after the restart starts at the checkpoint");
            assertFalse(requested.contains(0L), "the feed is never read from 0 again: " + requested);
            assertTrue(SearchTests.checkpoint(client, "catalog") > applied);
        }
    }

    private static EmbeddedServer start(String elasticsearch) {
        Map<String, Object> properties = Map.copyOf(SearchTests.properties(SPEC, elasticsearch, Ports.free()));
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static BlockingHttpClient client(EmbeddedServer server) {
        return server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
    }
}
