package org.ipdex.search.rebuild;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.ipdex.search.SearchTests;
import org.ipdex.search.StubFeed;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.stack.Ports;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service was killed in the middle of a rebuild (reliability/…/SearchRebuildKillIT): the next start finds the
 * half-built new indices, and the old ones a kill after the alias move left, and deletes them. Before, only the next
 * rebuild did, and a catalogue's worth of disk stayed taken until somebody started one.
 */
class OrphanIndicesTest {

    static final String SPEC = "OrphanIndicesTest";
    static final String PREFIX = SPEC.toLowerCase() + "-";
    static final StubFeed FEED = StubFeed.named(SPEC);

    @Test
    void indicesOfARebuildThatDidNotFinishAreDeletedAtStartUp() throws Exception {
        String elasticsearch = SearchTests.elasticsearchUrl();
        // live: a rebuild's indices behind the aliases; the earlier live ones were never dropped, and a later
        // rebuild was killed while copying
        String live = "-v2-20250101000000000";
        for (String alias : new String[]{"apis", "operations"}) {
            String mapping = resource("index/" + alias + "-v2.json");
            put(elasticsearch, "/" + PREFIX + alias + live, mapping);
            put(elasticsearch, "/" + PREFIX + alias + live + "/_alias/" + PREFIX + alias, "{}");
            put(elasticsearch, "/" + PREFIX + alias + "-v2", mapping);
            put(elasticsearch, "/" + PREFIX + alias + "-v2-20250202000000000", mapping);
        }
        FEED.appendApiDocument(Map.of("apiId", "ep-one", "officeCode", "EP", "title", "Patent register"), 1);

        Map<String, Object> properties = new HashMap<>(SearchTests.properties(SPEC, elasticsearch, Ports.free()));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            IndexBuilds builds = server.getApplicationContext().getBean(IndexBuilds.class);
            SearchTests.await("only the live indices are left", Duration.ofSeconds(60), () -> {
                try {
                    return builds.matching(PREFIX + "apis-v*").equals(Set.of(PREFIX + "apis" + live))
                            && builds.matching(PREFIX + "operations-v*").equals(Set.of(PREFIX + "operations" + live));
                } catch (IOException e) {
                    return false;
                }
            });
            assertEquals(Set.of(PREFIX + "apis" + live), builds.indicesOf(PREFIX + "apis"));
            assertEquals(Set.of(PREFIX + "operations" + live), builds.indicesOf(PREFIX + "operations"));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OrphanIndicesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void put(String elasticsearch, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(elasticsearch + path))
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + ": " + response.body());
    }
}
