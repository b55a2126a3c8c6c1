package org.ipdex.search.consume;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.search.index.ApiEntry;
import org.ipdex.search.index.IndexDefinition;
import org.ipdex.search.index.IndexTargets;
import org.ipdex.search.index.OperationEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indexes an API and each of its operations, and removes the operations its new version no longer has.
 * Every write carries the event's version as an external version ({@code external_gte}): re-applying an event
 * rewrites the same document, and an older event replayed after a newer one is refused by Elasticsearch
 * itself (a 409 that is expected and ignored).
 */
@Singleton
final class ApiUpsertedHandler implements ChangeHandler {

    /** Operations per bulk request; a large API can have thousands. */
    private static final int BULK_CHUNK = 1000;
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final JsonMapper json;

    ApiUpsertedHandler(ElasticsearchClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public String eventType() {
        return ApiChange.UPSERTED;
    }

    @Override
    public Set<IndexDefinition> writes() {
        return Set.of(IndexDefinition.APIS, IndexDefinition.OPERATIONS);
    }

    @Override
    public void apply(List<ChangeEvent> events, IndexTargets targets) throws IOException {
        Map<String, Versioned> latest = latestPerApi(events);
        Map<String, Set<String>> indexed = indexedOperationKeys(latest.keySet(), targets.operations());
        List<BulkOperation> operations = new ArrayList<>();
        for (Versioned change : latest.values()) {
            operations.addAll(writes(change, indexed.getOrDefault(change.api().apiId(), Set.of()), targets));
        }
        for (int from = 0; from < operations.size(); from += BULK_CHUNK) {
            List<BulkOperation> chunk = operations.subList(from, Math.min(operations.size(), from + BULK_CHUNK));
            check(client.bulk(b -> b.operations(chunk)));
        }
    }

    /** Within one page only the newest event per API matters; the feed says so ("keep the highest version"). */
    private Map<String, Versioned> latestPerApi(List<ChangeEvent> events) throws IOException {
        Map<String, Versioned> latest = new LinkedHashMap<>();
        for (ChangeEvent event : events) {
            ApiChange api = json.readValueFromTree(event.data(), ApiChange.class);
            Versioned current = latest.get(api.apiId());
            if (current == null || current.version() <= event.version()) {
                latest.put(api.apiId(), new Versioned(event.version(), api));
            }
        }
        return latest;
    }

    private List<BulkOperation> writes(Versioned change, Set<String> indexedKeys, IndexTargets targets) {
        ApiChange api = change.api();
        List<BulkOperation> writes = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (ApiChange.Operation operation : api.operationsOrEmpty()) {
            String key = OperationKeys.of(api.apiId(), operation.method(), operation.path());
            if (!keys.add(key)) {
                continue;
            }
            if (operation.tags() != null) {
                tags.addAll(operation.tags());
            }
            OperationEntry entry = CatalogDocuments.operation(api, operation, key);
            writes.add(BulkOperation.of(b -> b.index(i -> i.index(targets.operations()).id(key).document(entry)
                    .version(change.version()).versionType(VersionType.ExternalGte))));
        }
        for (String stale : indexedKeys) {
            if (!keys.contains(stale)) {
                writes.add(BulkOperation.of(b -> b.delete(d -> d.index(targets.operations()).id(stale)
                        .version(change.version()).versionType(VersionType.ExternalGte))));
            }
        }
        ApiEntry entry = CatalogDocuments.api(api, tags, keys.size());
        writes.add(BulkOperation.of(b -> b.index(i -> i.index(targets.apis()).id(api.apiId()).document(entry)
                .version(change.version()).versionType(VersionType.ExternalGte))));
        return writes;
    }

    /**
     * The operations currently indexed for these APIs. A search sees only refreshed documents, so the index is
     * refreshed first: the previous page's operations may have been written a moment ago.
     */
    private Map<String, Set<String>> indexedOperationKeys(Set<String> apiIds, String index) throws IOException {
        Map<String, Set<String>> keys = new HashMap<>();
        if (apiIds.isEmpty()) {
            return keys;
        }
        client.indices().refresh(r -> r.index(index));
        List<FieldValue> ids = apiIds.stream().map(FieldValue::of).toList();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<OperationEntry> page = client.search(s -> {
                s.index(index).size(PAGE)
                        .query(q -> q.terms(t -> t.field("apiId").terms(v -> v.value(ids))))
                        .source(src -> src.filter(f -> f.includes("apiId", "operationKey")))
                        .sort(o -> o.field(f -> f.field("operationKey").order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, OperationEntry.class);
            List<Hit<OperationEntry>> hits = page.hits().hits();
            for (Hit<OperationEntry> hit : hits) {
                keys.computeIfAbsent(hit.source().apiId(), id -> new HashSet<>()).add(hit.id());
            }
            if (hits.size() < PAGE) {
                return keys;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** A 409 means the index already holds a newer version: that event was applied. Anything else is retried. */
    private static void check(BulkResponse response) throws IOException {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                throw new IOException("Bulk write of " + item.index() + "/" + item.id() + " failed: "
                        + item.error().type() + ": " + item.error().reason());
            }
        }
    }

    private record Versioned(long version, ApiChange api) {
    }
}
