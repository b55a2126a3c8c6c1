package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Creates each missing index from its versioned mapping and points its alias at it. Called by the feed
 * consumers before their first read, and retried by them while the cluster is down, so start-up never waits
 * for Elasticsearch.
 */
@Singleton
public class IndexManager {

    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);

    private final ElasticsearchClient client;
    private final Indices indices;
    private volatile boolean ready;

    public IndexManager(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    /**
     * Idempotent; cheap once every index exists. Synchronized so that a second consumer waits for the indices
     * instead of reading one whose shard is still starting; other instances may race: the loser finds it created.
     */
    public synchronized void ensureAll() throws IOException {
        if (ready) {
            return;
        }
        for (IndexDefinition index : IndexDefinition.values()) {
            ensure(index);
        }
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    private void ensure(IndexDefinition index) throws IOException {
        String alias = indices.alias(index);
        if (client.indices().exists(e -> e.index(alias)).value()) {
            return;
        }
        String concrete = indices.concrete(index);
        try (InputStream mapping = mapping(index)) {
            client.indices().create(c -> c.index(concrete).withJson(mapping).aliases(alias, a -> a));
            // a new index answers 503 until its primary shard is allocated; be ready only after that
            client.cluster().health(h -> h.index(concrete).waitForStatus(HealthStatus.Yellow)
                    .timeout(t -> t.time("30s")));
            LOG.info("Created index {} behind alias {}", concrete, alias);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // the concrete index exists but has lost its alias (an interrupted swap): point the alias back at it
            client.indices().putAlias(p -> p.index(concrete).name(alias));
        }
    }

    private static InputStream mapping(IndexDefinition index) {
        InputStream in = IndexManager.class.getClassLoader().getResourceAsStream(index.mappingResource());
        if (in == null) {
            throw new UncheckedIOException(new IOException("Missing mapping " + index.mappingResource()));
        }
        return in;
    }
}
