package org.ipdex.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Building a concrete index off to the side and then moving aliases onto it: what a rebuild and an authority
 * edition both do. While it is built nobody reads it, so it is tuned for writing (no refresh, no replica, the
 * translog fsynced per request rather than per bulk item); before it goes live it gets its normal settings back.
 */
@Singleton
public class IndexBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilds.class);

    /** While an index is written nobody reads it: no refresh, no replica, the translog fsynced per request. */
    private static final Map<String, Object> BUILD_SETTINGS = Map.of("refresh_interval", "-1",
            "auto_expand_replicas", "false", "number_of_replicas", 0, "translog.durability", "async");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final Replicas replicas;
    private final Duration replicaWait;

    public IndexBuilds(ElasticsearchClient client, Replicas replicas, ElasticsearchProperties properties) {
        this.client = client;
        this.replicas = replicas;
        this.replicaWait = properties.replicaWait();
    }

    /**
     * A move of one alias onto {@code index}, off the indices in {@code from}. Explicit, because the read alias
     * {@code authority} spans every office and must leave only the one office's old index.
     */
    public record AliasMove(String alias, String index, Set<String> from) {
    }

    /** Moves {@code alias} off everything it points at now onto {@code index}. */
    public AliasMove moveAll(String alias, String index) throws IOException {
        return new AliasMove(alias, index, indicesOf(alias));
    }

    /** Creates {@code name} from a mapping resource, with this service's replicas (see {@link Replicas}). */
    public void create(String name, String mappingResource) throws IOException {
        create(name, mappingResource, replicas.settings());
    }

    /**
     * Creates {@code name} from a mapping resource, tuned for bulk writing; an existing one is replaced. No replica
     * while it is written: each document is then indexed once instead of once per copy, and the replica is copied
     * file by file when the build is done, which is cheaper than replicating every bulk request.
     */
    public void createForBuild(String name, String mappingResource) throws IOException {
        delete(List.of(name));
        create(name, mappingResource, BUILD_SETTINGS);
        awaitShards(name);
    }

    /**
     * The settings a live index has: refreshed every second, its replicas. Waits until the replicas are allocated
     * and recovered (green), up to {@code ipdex.elasticsearch.replica-wait}, so that the alias is not swapped onto
     * an index whose only copy sits on one node; past that it goes on with a warning (every primary is there).
     *
     * @return how long the replicas took
     */
    public Duration finishBuild(String name) throws IOException {
        Map<String, Object> live = new LinkedHashMap<>(replicas.settings());
        live.put("refresh_interval", "1s");
        live.put("translog.durability", "request");
        String settings = JSON.writeValueAsString(Map.of("index", live));
        client.indices().putSettings(p -> p.index(name).withJson(new StringReader(settings)));
        client.indices().refresh(r -> r.index(name));
        awaitShards(name);
        return awaitGreen(name);
    }

    /** Every index behind an alias; empty when the alias does not exist. */
    public Set<String> indicesOf(String alias) throws IOException {
        try {
            GetAliasResponse response = client.indices().getAlias(g -> g.name(alias).ignoreUnavailable(true)
                    .allowNoIndices(true));
            return new TreeSet<>(response.result().keySet());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }

    /**
     * Moves every alias in one {@code _aliases} request, which Elasticsearch applies atomically: a search sees
     * either all the old indices or all the new ones.
     *
     * @return the indices the aliases pointed at before, no longer behind any of the moved aliases
     */
    public Set<String> swap(List<AliasMove> moves) throws IOException {
        List<Action> actions = new ArrayList<>();
        Set<String> previous = new TreeSet<>();
        for (AliasMove move : moves) {
            for (String old : move.from()) {
                if (!old.equals(move.index())) {
                    actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(move.alias()))));
                    previous.add(old);
                }
            }
            actions.add(Action.of(a -> a.add(ad -> ad.index(move.index()).alias(move.alias()))));
        }
        client.indices().updateAliases(u -> u.actions(actions));
        for (AliasMove move : moves) {
            previous.remove(move.index());
        }
        return previous;
    }

    /** Concrete indices matching a wildcard pattern, e.g. {@code apis-v*}. */
    public Set<String> matching(String pattern) throws IOException {
        return new TreeSet<>(client.indices().get(g -> g.index(pattern).ignoreUnavailable(true)
                .allowNoIndices(true)).result().keySet());
    }

    public boolean exists(String name) throws IOException {
        return client.indices().exists(e -> e.index(name)).value();
    }

    public void delete(Collection<String> names) throws IOException {
        for (String name : names) {
            try {
                client.indices().delete(d -> d.index(name));
                LOG.info("Deleted index {}", name);
            } catch (ElasticsearchException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
    }

    /** A new index answers 503 until its primary shard is allocated. */
    void awaitShards(String name) throws IOException {
        client.cluster().health(h -> h.index(name).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
    }

    private Duration awaitGreen(String name) throws IOException {
        long started = System.nanoTime();
        long deadline = started + replicaWait.toNanos();
        while (client.cluster().health(h -> h.index(name)).status() != HealthStatus.Green) {
            if (System.nanoTime() > deadline) {
                LOG.warn("The replicas of {} were not allocated within {}; going live with its primaries only", name,
                        replicaWait);
                return replicaWait;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the replicas of " + name);
            }
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Replicas of {} allocated in {} ms", name, waited.toMillis());
        return waited;
    }

    private void create(String name, String mappingResource, Map<String, Object> settings) throws IOException {
        JsonNode definition;
        try (InputStream mapping = mapping(mappingResource)) {
            definition = JSON.readTree(mapping);
        }
        ObjectNode indexSettings = ((ObjectNode) definition).withObject("/settings");
        settings.forEach((key, value) -> indexSettings.set(key, JSON.valueToTree(value)));
        client.indices().create(c -> c.index(name).withJson(new StringReader(definition.toString())));
    }

    static InputStream mapping(String resource) {
        InputStream in = IndexBuilds.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Missing mapping " + resource));
        }
        return in;
    }
}
