package org.ipdex.search.parity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.inject.Singleton;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.parity.SetChecksum;
import org.ipdex.search.index.AuthorityEntry.ChecksumParts;
import org.ipdex.search.index.Indices;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the live indices hold, read the cheap way for each: the API and operation documents with
 * {@code search_after} over a few {@code _source} fields (20,000 APIs and their operations are a few hundred
 * thousand small hits), each authority index with one request of a count and three {@code sum} aggregations over
 * the checksum parts stored at index time (ten million records without reading one of them).
 */
@Singleton
class IndexContents {

    private static final int PAGE = 5000;
    private static final Pattern EDITION = Pattern.compile("-e(\\d+)$");

    private final ElasticsearchClient client;
    private final Indices indices;

    IndexContents(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    Map<String, IndexedApi> apis() throws IOException {
        Map<String, IndexedApi> apis = new HashMap<>();
        scan(indices.apis(), "apiId", List.of("versionNumber"), ApiSource.class, hit -> apis.put(hit.id(),
                new IndexedApi(hit.source().versionNumber() == null ? 0 : hit.source().versionNumber(),
                        hit.version() == null ? 0 : hit.version())));
        return apis;
    }

    /** Per API id: its operation documents' count and checksum. */
    Map<String, IndexedOperations> operations() throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, SetChecksum> sums = new HashMap<>();
        scan(indices.operations(), "operationKey", List.of("apiId", "method", "path"), OperationSource.class,
                hit -> {
                    OperationSource operation = hit.source();
                    counts.computeIfAbsent(operation.apiId(), id -> new long[1])[0]++;
                    sums.computeIfAbsent(operation.apiId(), id -> new SetChecksum())
                            .add(ApiState.operationMember(operation.method(), operation.path()));
                });
        Map<String, IndexedOperations> operations = new HashMap<>();
        counts.forEach((apiId, count) -> operations.put(apiId,
                new IndexedOperations(count[0], sums.get(apiId).value())));
        return operations;
    }

    /** Per office code: the index behind {@code authority-<office>}, its edition, count and checksum. */
    Map<String, IndexedEdition> editions() throws IOException {
        String officePrefix = indices.authority() + "-";
        Map<String, IndexAliases> byIndex;
        try {
            byIndex = client.indices().getAlias(g -> g.name(officePrefix + "*").ignoreUnavailable(true)
                    .allowNoIndices(true)).result();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Map.of();
            }
            throw e;
        }
        Map<String, IndexedEdition> editions = new TreeMap<>();
        for (Map.Entry<String, IndexAliases> index : byIndex.entrySet()) {
            for (String alias : index.getValue().aliases().keySet()) {
                if (alias.startsWith(officePrefix)) {
                    editions.put(alias.substring(officePrefix.length()).toUpperCase(Locale.ROOT),
                            edition(index.getKey()));
                }
            }
        }
        return editions;
    }

    private IndexedEdition edition(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0).trackTotalHits(t -> t.enabled(true))
                .aggregations("high", a -> a.sum(m -> m.field("checksum.high")))
                .aggregations("middle", a -> a.sum(m -> m.field("checksum.middle")))
                .aggregations("low", a -> a.sum(m -> m.field("checksum.low"))), Void.class);
        long count = response.hits().total() == null ? 0 : response.hits().total().value();
        long sum = ChecksumParts.combine(sum(response, "high"), sum(response, "middle"), sum(response, "low"));
        Matcher edition = EDITION.matcher(index);
        return new IndexedEdition(index, edition.find() ? Long.parseLong(edition.group(1)) : 0, count,
                SetChecksum.format(sum));
    }

    /** Exact: each part's sum stays below 2^53 (see {@link ChecksumParts}). */
    private static long sum(SearchResponse<Void> response, String name) {
        return (long) response.aggregations().get(name).sum().value();
    }

    private <T> void scan(String index, String sortField, List<String> fields, Class<T> type,
                          Consumer<Hit<T>> sink) throws IOException {
        client.indices().refresh(r -> r.index(index));
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<T> page = client.search(s -> {
                s.index(index).size(PAGE).version(true)
                        .source(src -> src.filter(f -> f.includes(fields)))
                        .sort(o -> o.field(f -> f.field(sortField).order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, type);
            List<Hit<T>> hits = page.hits().hits();
            hits.forEach(sink);
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApiSource(Integer versionNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OperationSource(String apiId, String method, String path) {
    }
}
