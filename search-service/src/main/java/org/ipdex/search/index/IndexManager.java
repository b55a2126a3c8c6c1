package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates each missing index from its versioned mapping and points its alias at it, and notices an index whose
 * mapping is older than this code's (then a rebuild must fill a new one before the consumers write again).
 * Called by the feed consumers before their first read, and retried by them while the cluster is down, so
 * start-up never waits for Elasticsearch.
 */
@Singleton
public class IndexManager {

    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);

    private final ElasticsearchClient client;
    private final Indices indices;
    private final IndexBuilds builds;
    private volatile boolean ready;
    private volatile Set<IndexDefinition> outdated = EnumSet.noneOf(IndexDefinition.class);

    public IndexManager(ElasticsearchClient client, Indices indices, IndexBuilds builds) {
        this.client = client;
        this.indices = indices;
        this.builds = builds;
    }

    /**
     * Idempotent; cheap once every index exists. Synchronized so that a second consumer waits for the indices
     * instead of reading one whose shard is still starting; other instances may race: the loser finds it created.
     */
    public synchronized void ensureAll() throws IOException {
        if (ready) {
            return;
        }
        Set<IndexDefinition> old = EnumSet.noneOf(IndexDefinition.class);
        for (IndexDefinition index : IndexDefinition.values()) {
            if (!ensure(index)) {
                old.add(index);
            }
        }
        outdated = old;
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    /** Indices whose live mapping is older than this code's: nothing may be written to them until a rebuild. */
    public Set<IndexDefinition> outdated() {
        return Set.copyOf(outdated);
    }

    /** A rebuild moved the aliases onto indices of the current mapping. */
    public synchronized void rebuilt() {
        outdated = EnumSet.noneOf(IndexDefinition.class);
    }

    /** @return whether the live index has the current mapping version */
    private boolean ensure(IndexDefinition index) throws IOException {
        String alias = indices.alias(index);
        Set<String> live = builds.indicesOf(alias);
        if (!live.isEmpty()) {
            int version = live.stream().map(name -> Indices.versionOf(name).orElse(0)).min(Integer::compare).orElse(0);
            if (version < index.version()) {
                LOG.info("Index {} has mapping version {}, this code writes version {}: a rebuild is needed",
                        live, version, index.version());
                return false;
            }
            return true;
        }
        String concrete = indices.concrete(index);
        try (InputStream mapping = IndexBuilds.mapping(index.mappingResource())) {
            client.indices().create(c -> c.index(concrete).withJson(mapping).aliases(alias, a -> a));
            // a new index answers 503 until its primary shard is allocated; be ready only after that
            builds.awaitShards(concrete);
            LOG.info("Created index {} behind alias {}", concrete, alias);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // the concrete index exists but has lost its alias (an interrupted swap): point the alias back at it
            client.indices().putAlias(p -> p.index(concrete).name(alias));
        }
        return true;
    }
}
