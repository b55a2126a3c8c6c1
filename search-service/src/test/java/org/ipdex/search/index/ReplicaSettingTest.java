package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.ipdex.search.SearchServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ipdex.elasticsearch.replicas} on every index this service creates, and the wait for them before a swap. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaSettingTest extends SearchServiceTest {

    private static final String MAPPING = "index/authority-v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ElasticsearchClient client;
    @Inject
    RestClient restClient;
    @Inject
    ElasticsearchProperties properties;
    @Inject
    IndexBuilds builds;

    @Override
    protected void configure(Map<String, String> properties) {
        properties.put("ipdex.elasticsearch.replicas", "0");
    }

    @Test
    void anIndexIsCreatedWithTheConfiguredReplicas() throws IOException {
        String name = "replicasettingtest-created";
        builds.create(name, MAPPING);
        try {
            JsonNode settings = settings(name);
            assertEquals("0", settings.path("index.number_of_replicas").asText(), settings.toString());
            assertEquals("false", settings.path("index.auto_expand_replicas").asText(), settings.toString());
            assertEquals("1", settings.path("index.number_of_shards").asText(), "the mapping's own settings stay");
        } finally {
            builds.delete(List.of(name));
        }
    }

    @Test
    void aBuildIsWrittenWithoutReplicasAndWaitsForThemBeforeItGoesLiveButNotForever() throws IOException {
        String name = "replicasettingtest-built";
        // one replica on the single test node can never be allocated: the wait must end at replica-wait
        IndexBuilds oneReplica = new IndexBuilds(client, new Replicas("1"), new ElasticsearchProperties(
                properties.url(), "", properties.connectTimeout(), properties.socketTimeout(),
                properties.maxConnections(), "1", Duration.ofSeconds(1)));
        oneReplica.createForBuild(name, MAPPING);
        try {
            JsonNode building = settings(name);
            assertEquals("0", building.path("index.number_of_replicas").asText(), building.toString());
            assertEquals("-1", building.path("index.refresh_interval").asText(), building.toString());
            Duration waited = oneReplica.finishBuild(name);
            assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0 && waited.compareTo(Duration.ofSeconds(20)) < 0,
                    waited.toString());
            JsonNode live = settings(name);
            assertEquals("1", live.path("index.number_of_replicas").asText(), live.toString());
            assertEquals("1s", live.path("index.refresh_interval").asText(), live.toString());
            assertEquals("request", live.path("index.translog.durability").asText(), live.toString());
        } finally {
            builds.delete(List.of(name));
        }
    }

    private JsonNode settings(String index) throws IOException {
        Request request = new Request("GET", "/" + index + "/_settings");
        request.addParameter("flat_settings", "true");
        try (InputStream body = restClient.performRequest(request).getEntity().getContent()) {
            return JSON.readTree(body).path(index).path("settings");
        }
    }
}
