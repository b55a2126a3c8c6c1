package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
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
            if (version >= index.version()) {
                return true;
            }
            if (!index.fromFeeds()) {
                copyIntoCurrentMapping(index, live);
                return true;
            }
            LOG.info("Index {} has mapping version {}, this code writes version {}: a rebuild is needed",
                    live, version, index.version());
            return false;
        }
        String concrete = indices.concrete(index);
        boolean created = create(concrete, index);
        // new, or there already without its alias (an interrupted swap): either way the alias goes onto it
        client.indices().putAlias(p -> p.index(concrete).name(alias));
        if (created) {
            LOG.info("Created index {} behind alias {}", concrete, alias);
        }
        return true;
    }

    /**
     * What cannot be rebuilt from the feeds (the checkpoints, a document per consumer) is copied into an index of
     * the current mapping, which then takes the alias. Two instances doing it at once copy the same documents.
     */
    private void copyIntoCurrentMapping(IndexDefinition index, Set<String> old) throws IOException {
        String alias = indices.alias(index);
        String concrete = indices.concrete(index);
        create(concrete, index);
        // a search sees only refreshed documents, and a checkpoint may have been saved a moment ago
        client.indices().refresh(r -> r.index(alias));
        SearchResponse<JsonData> all = client.search(s -> s.index(alias).size(10_000), JsonData.class);
        List<BulkOperation> copies = all.hits().hits().stream()
                .map(hit -> BulkOperation.of(b -> b.index(i -> i.index(concrete).id(hit.id()).document(hit.source()))))
                .toList();
        if (!copies.isEmpty() && client.bulk(b -> b.operations(copies).refresh(Refresh.True)).errors()) {
            throw new IOException("Copying " + old + " into " + concrete + " failed");
        }
        builds.delete(builds.swap(List.of(builds.moveAll(alias, concrete))));
        LOG.info("Copied {} documents of {} into {} (mapping version {})", copies.size(), old, concrete,
                index.version());
    }

    /** @return false when it exists already (another instance, or an earlier attempt, made it) */
    private boolean create(String concrete, IndexDefinition index) throws IOException {
        try {
            builds.create(concrete, index.mappingResource());
            // a new index answers 503 until its primary shard is allocated; be ready only after that
            builds.awaitShards(concrete);
            return true;
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            return false;
        }
    }
}
