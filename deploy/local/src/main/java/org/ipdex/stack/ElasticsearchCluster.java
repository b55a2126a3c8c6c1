package org.ipdex.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several real Elasticsearch nodes on loopback forming one cluster: the same distribution as the single node, a
 * work directory, HTTP port and transport port per node, every node master-eligible and a data node. The cluster is
 * bootstrapped ({@code cluster.initial_master_nodes}) only when no node has data yet; a node restarted on its data
 * rejoins through the seed hosts alone, as Elasticsearch's bootstrapping rules require.
 */
public final class ElasticsearchCluster implements AutoCloseable {

    // three JVMs starting at once on two cores that other builds share
    private static final Duration START = ChildProcess.startTimeout(Duration.ofMinutes(10));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<ElasticsearchNode> nodes;
    private final Duration startTime;

    private ElasticsearchCluster(List<ElasticsearchNode> nodes, Duration startTime) {
        this.nodes = nodes;
        this.startTime = startTime;
    }

    /**
     * Starts one node per HTTP port and returns when all of them have joined and the cluster is green.
     *
     * @param distributionCache where the distribution is unpacked once
     * @param workDirectory     holds {@code node-1}, {@code node-2}, … (config, data, logs of each)
     * @param heap              of each node, e.g. {@code 512m}
     * @param runDirectory      where {@code elasticsearch-<n>.pid} files go; null for none
     */
    public static ElasticsearchCluster start(Path distributionCache, Path workDirectory, List<Integer> httpPorts,
                                             String heap, Path runDirectory) {
        Instant started = Instant.now();
        int size = httpPorts.size();
        List<String> names = IntStream.rangeClosed(1, size).mapToObj(i -> "ipdex-node-" + i).toList();
        List<Path> work = IntStream.rangeClosed(1, size).mapToObj(i -> workDirectory.resolve("node-" + i)).toList();
        List<Integer> transportPorts = IntStream.range(0, size).mapToObj(i -> Ports.free()).toList();
        boolean bootstrap = work.stream().allMatch(ElasticsearchNode::neverStarted);
        ElasticsearchNode.Discovery discovery = new ElasticsearchNode.Discovery(transportPorts,
                bootstrap ? names : List.of());
        List<ElasticsearchNode> nodes = new ArrayList<>();
        ElasticsearchCluster cluster = new ElasticsearchCluster(nodes, Duration.ZERO);
        try {
            for (int i = 0; i < size; i++) {
                nodes.add(ElasticsearchNode.launch(distributionCache, work.get(i), new ElasticsearchNode.Config(
                        names.get(i), httpPorts.get(i), transportPorts.get(i), heap, discovery),
                        runDirectory == null ? null : runDirectory.resolve("elasticsearch-" + (i + 1) + ".pid")));
            }
            for (ElasticsearchNode node : nodes) {
                node.awaitUp(START);
            }
            cluster.awaitGreen(START);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return new ElasticsearchCluster(nodes, Duration.between(started, Instant.now()));
    }

    public List<ElasticsearchNode> nodes() {
        return List.copyOf(nodes);
    }

    public ElasticsearchNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + name + " in " + names()));
    }

    public List<String> names() {
        return nodes.stream().map(ElasticsearchNode::name).toList();
    }

    /** Every node's address, comma-separated: what search-service's {@code IPDEX_ELASTICSEARCH_URL} takes. */
    public String urls() {
        return nodes.stream().map(ElasticsearchNode::url).collect(Collectors.joining(","));
    }

    /** From the first process started to all nodes joined and green. */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Waits until every node has joined and every shard copy is allocated, asking whichever node answers.
     *
     * @return how long it took
     */
    public Duration awaitGreen(Duration timeout) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        String query = "/_cluster/health?wait_for_status=green&wait_for_nodes=" + nodes.size()
                + "&timeout=2s&master_timeout=2s";
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            for (ElasticsearchNode node : nodes) {
                if (!node.isAlive()) {
                    continue;
                }
                try {
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + query))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return Duration.between(started, Instant.now());
                    }
                    last = health.body();
                } catch (IOException e) {
                    last = node.name() + ": " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the cluster", e);
                }
            }
            sleep();
        }
        throw new IllegalStateException("The cluster of " + names() + " was not green within " + timeout + ": " + last);
    }

    @Override
    public void close() {
        // in parallel: each node takes a few seconds to stop, and they do not depend on each other
        nodes.parallelStream().forEach(ElasticsearchNode::close);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
