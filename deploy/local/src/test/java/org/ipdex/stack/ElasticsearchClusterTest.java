package org.ipdex.stack;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElasticsearchClusterTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void threeNodesFormOneClusterAndAKilledNodeRejoinsOnItsDataWithoutBootstrapping() throws Exception {
        ElasticsearchCluster cluster = TestStack.elasticsearchCluster(3);
        System.out.println("ElasticsearchClusterTest: 3-node cluster started in " + cluster.startTime().toMillis()
                + " ms");
        List<String> urls = Arrays.asList(cluster.urls().split(","));
        assertEquals(3, urls.size(), cluster.urls());
        for (String url : urls) {
            String nodes = get(url + "/_cat/nodes?h=name");
            assertEquals(cluster.names(), nodes.lines().map(String::strip).sorted().toList(), "seen from " + url);
        }
        put(urls.get(0) + "/cluster-test", "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":1}}");
        put(urls.get(0) + "/cluster-test/_doc/1?refresh=true", "{\"n\":1}");
        cluster.awaitGreen(Duration.ofSeconds(60));

        // the node holding the primary: its loss must promote the replica
        String primaryNode = get(urls.get(0) + "/_cat/shards/cluster-test?h=prirep,node").lines()
                .filter(line -> line.startsWith("p")).findFirst().orElseThrow().split("\\s+")[1];
        ElasticsearchNode victim = cluster.node(primaryNode);
        victim.kill();
        assertFalse(victim.isAlive());
        String survivor = cluster.nodes().stream().filter(ElasticsearchNode::isAlive).findFirst().orElseThrow().url();
        assertTrue(get(survivor + "/cluster-test/_doc/1").contains("\"found\":true"), "read from the promoted replica");

        // bounds for a machine whose two cores other builds keep busy: a restart took 1.5 min there to log its first line
        victim.restart(Duration.ofMinutes(8));
        Duration green = cluster.awaitGreen(Duration.ofMinutes(5));
        System.out.println("ElasticsearchClusterTest: green " + green.toMillis() + " ms after " + primaryNode
                + " was back");
        Path config = victim.workDirectory().resolve("config/elasticsearch.yml");
        assertFalse(Files.readString(config).contains("initial_master_nodes"),
                "a node restarted on its data must not bootstrap again");
        assertEquals(3, get(victim.url() + "/_cat/nodes?h=name").lines().count());
        delete(urls.get(0) + "/cluster-test");
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private void put(String url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, url + ": " + response.body());
    }

    private void delete(String url) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
