package org.ipdex.search.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the search cluster is and how this service names its indices there.
 *
 * @param url            e.g. {@code http://127.0.0.1:9200} (env {@code IPDEX_ELASTICSEARCH_URL}); several nodes of one
 *                       cluster comma-separated, so that losing one node does not lose the client
 * @param indexPrefix    put in front of every index and alias name, so that several environments (or test
 *                       classes) can share one cluster without reading each other's checkpoints
 * @param connectTimeout fail fast when the cluster is down, so the feed consumer backs off instead of hanging
 * @param socketTimeout  longest wait for one response (a large bulk request)
 * @param maxConnections connections to the cluster (the REST client's default is 10 per node)
 * @param replicas       {@code auto} (one replica when the cluster has a second data node, else none) or a number;
 *                       see {@link Replicas}
 * @param replicaWait    how long a finished index build waits for its replicas (green) before its alias swap
 */
@ConfigurationProperties(ElasticsearchProperties.PREFIX)
public record ElasticsearchProperties(@Bindable(defaultValue = "http://127.0.0.1:9200") String url,
                                      @Bindable(defaultValue = "") String indexPrefix,
                                      @Bindable(defaultValue = "2s") Duration connectTimeout,
                                      @Bindable(defaultValue = "30s") Duration socketTimeout,
                                      @Bindable(defaultValue = "40") int maxConnections,
                                      @Bindable(defaultValue = "auto") String replicas,
                                      @Bindable(defaultValue = "2m") Duration replicaWait) {

    public static final String PREFIX = "ipdex.elasticsearch";

    /** The nodes in {@link #url}, in the order given. */
    public List<String> urls() {
        return Arrays.stream(url.split(",")).map(String::strip).filter(node -> !node.isEmpty()).toList();
    }
}
