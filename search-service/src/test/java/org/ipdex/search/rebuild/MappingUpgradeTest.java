package org.ipdex.search.rebuild;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.SearchResults;
import org.ipdex.stack.Ports;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service starts on indices an older version created (mapping v1): it keeps answering from them, rebuilds
 * into the current mapping by itself, and its consumer continues in the new indices. The checkpoints (v1 too) are
 * copied into their current mapping.
 */
class MappingUpgradeTest {

    static final String SPEC = "MappingUpgradeTest";
    static final String PREFIX = SPEC.toLowerCase() + "-";
    static final StubFeed FEED = StubFeed.named(SPEC);

    @Test
    void anOlderMappingIsRebuiltAtStartUp() throws Exception {
        String elasticsearch = SearchTests.elasticsearchUrl();
        FEED.appendApiDocument(Map.of("apiId", "ep-old", "officeCode", "EP", "title", "Patent register of yesterday",
                "ipDomains", List.of("patent")), 1);
        // what version 1 of search-service left behind: v1 indices holding event 1, and its checkpoint
        put(elasticsearch, "/" + PREFIX + "apis-v1", resource("index/apis-v1.json"));
        put(elasticsearch, "/" + PREFIX + "operations-v1", resource("index/operations-v1.json"));
        put(elasticsearch, "/" + PREFIX + "apis-v1/_alias/" + PREFIX + "apis", "{}");
        put(elasticsearch, "/" + PREFIX + "operations-v1/_alias/" + PREFIX + "operations", "{}");
        put(elasticsearch, "/" + PREFIX + "apis-v1/_doc/ep-old?refresh=true", """
                {"apiId":"ep-old","officeCode":"EP","title":"Patent register of yesterday",
                 "suggest":["Patent register of yesterday"]}""");
        put(elasticsearch, "/" + PREFIX + "ipdex-checkpoints-v1", resource("index/ipdex-checkpoints-v1.json"));
        put(elasticsearch, "/" + PREFIX + "ipdex-checkpoints-v1/_alias/" + PREFIX + "ipdex-checkpoints", "{}");
        put(elasticsearch, "/" + PREFIX + "ipdex-checkpoints-v1/_doc/catalog?refresh=true",
                "{\"feed\":\"catalog\",\"seq\":1}");
        long last = FEED.appendApiDocument(Map.of("apiId", "us-new", "officeCode", "US", "title", "Patent center",
                "ipDomains", List.of("patent", "trademark")), 1);

        Map<String, Object> properties = new HashMap<>(SearchTests.properties(SPEC, elasticsearch, Ports.free()));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            BlockingHttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())
                    .toBlocking();
            String token = server.getApplicationContext().getBean(IdentityTokens.class).issue(Identity.anonymous());
            IndexBuilds builds = server.getApplicationContext().getBean(IndexBuilds.class);
            SearchTests.await("the aliases point at rebuilt indices", Duration.ofSeconds(90), () -> {
                try {
                    return builds.indicesOf(PREFIX + "apis").stream().allMatch(i -> i.startsWith(PREFIX + "apis-v2-"))
                            && builds.indicesOf(PREFIX + "operations").stream()
                            .allMatch(i -> i.startsWith(PREFIX + "operations-v2-"));
                } catch (IOException e) {
                    return false;
                }
            });
            SearchTests.await("the feed is applied into the new mapping", () ->
                    SearchTests.checkpoint(client, "catalog") >= last
                            && search(client, token, "/api/v1/search/apis?ipDomain=trademark").items().size() == 1);
            SearchResults<ApiHit> patents = search(client, token, "/api/v1/search/apis?ipDomain=patent");
            assertEquals(Set.of("ep-old", "us-new"), Set.of(patents.items().get(0).apiId(),
                    patents.items().get(1).apiId()), "rebuilt from event 1 of the feed, with its new fields");
            SearchTests.await("the v1 indices are deleted", () -> {
                try {
                    return !builds.exists(PREFIX + "apis-v1") && !builds.exists(PREFIX + "operations-v1");
                } catch (IOException e) {
                    return false;
                }
            });
            assertEquals(Set.of(PREFIX + "ipdex-checkpoints-v2"), builds.indicesOf(PREFIX + "ipdex-checkpoints"),
                    "the checkpoints are not rebuilt but copied into their current mapping");
            assertFalse(builds.exists(PREFIX + "ipdex-checkpoints-v1"));
        }
    }

    @SuppressWarnings("unchecked")
    private static SearchResults<ApiHit> search(BlockingHttpClient client, String token, String uri) {
        return client.retrieve(HttpRequest.GET(uri).bearerAuth(token), Argument.of(SearchResults.class, ApiHit.class));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MappingUpgradeTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void put(String elasticsearch, String path, String body) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder().version(Version.HTTP_1_1)
                .build().send(java.net.http.HttpRequest.newBuilder(URI.create(elasticsearch + path))
                        .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)).build(),
                        BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + ": " + response.body());
    }
}
