package org.ipdex.search.consume;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.Problem;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.query.ApiHit;
import org.ipdex.stack.ElasticsearchNode;
import org.ipdex.stack.Ports;
import org.ipdex.stack.TcpProxy;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Elasticsearch goes away behind a proxy and comes back: nothing crashes, nothing is lost, nobody intervenes. */
class ElasticsearchOutageTest {

    static final String SPEC = "ElasticsearchOutageTest";
    static final StubFeed FEED = StubFeed.named(SPEC);

    @Test
    void eventsAppendedWhileElasticsearchIsDownAreIndexedWhenItReturns() {
        ElasticsearchNode node = TestStack.elasticsearch();
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", node.port());
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                     Map.copyOf(SearchTests.properties(SPEC, proxy.url(), Ports.free())), "test")) {
            BlockingHttpClient client = server.getApplicationContext()
                    .createBean(HttpClient.class, server.getURL()).toBlocking();
            IdentityTokens tokens = server.getApplicationContext().getBean(IdentityTokens.class);
            String token = tokens.issue(Identity.anonymous());

            long first = FEED.appendApi("kr-kipris", "KR", "KIPRIS Plus", "Korean patent data", 1, List.of());
            SearchTests.await("the first event applied", () -> SearchTests.checkpoint(client, "catalog") >= first);

            proxy.cut();
            FEED.appendApi("cn-cnipa", "CN", "CNIPA patent search", "Chinese patent data", 1, List.of());
            SearchTests.await("/health says Elasticsearch is down", () -> "DOWN".equals(status(client, "elasticsearch")));
            assertEquals("DOWN", SearchTests.health(client).get("status"));
            SearchTests.await("the consumer backs off instead of dying", () -> "retrying".equals(feedState(client)));
            HttpClientResponseException unavailable = assertThrows(HttpClientResponseException.class,
                    () -> client.exchange(HttpRequest.GET("/api/v1/search/apis?q=patent").bearerAuth(token),
                            Argument.of(String.class), Argument.of(Problem.class)));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getStatus(), "a search says 503, not 500");
            assertEquals(Problem.MEDIA_TYPE, unavailable.getResponse().getContentType().orElseThrow().toString());

            proxy.open();
            SearchTests.await("the event appended during the outage is searchable", () -> client.retrieve(
                    HttpRequest.GET("/api/v1/search/apis?q=patent&limit=100").bearerAuth(token),
                    Argument.of(Page.class, ApiHit.class)).items().stream()
                    .anyMatch(hit -> ((ApiHit) hit).apiId().equals("cn-cnipa")));
            SearchTests.await("/health is up again", () -> "UP".equals(SearchTests.health(client).get("status")));
        }
    }

    @SuppressWarnings("unchecked")
    private static String status(BlockingHttpClient client, String indicator) {
        Map<String, Object> details = (Map<String, Object>) SearchTests.health(client).get("details");
        return (String) ((Map<String, Object>) details.get(indicator)).get("status");
    }

    @SuppressWarnings("unchecked")
    private static String feedState(BlockingHttpClient client) {
        Map<String, Object> details = (Map<String, Object>) SearchTests.health(client).get("details");
        Map<String, Object> feeds = (Map<String, Object>) ((Map<String, Object>) details.get("feeds")).get("details");
        return (String) ((Map<String, Object>) feeds.get("catalog")).get("state");
    }
}
