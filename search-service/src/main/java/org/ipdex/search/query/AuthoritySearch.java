package org.ipdex.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.inject.Singleton;
import org.ipdex.common.number.PublicationNumber;
import org.ipdex.search.index.AuthorityEntry;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Look-up and listing of the authority records of every office's current edition (the read alias
 * {@code authority}). A number is normalised exactly as authority-service does ({@link PublicationNumber}), then
 * matched as a term; without a kind code it is also a prefix. Pages are {@code search_after} on
 * {@code numberKey, key}: the same cost on page 1 and page 100,000.
 */
@Singleton
public class AuthoritySearch {

    private static final Logger LOG = LoggerFactory.getLogger(AuthoritySearch.class);
    private static final String SORT_NAME = "authority";
    private static final List<SortOptions> SORT = List.of(ascending("numberKey"), ascending("key"));

    private final ElasticsearchClient client;
    private final SearchLimiter limiter;
    private final Indices indices;

    AuthoritySearch(ElasticsearchClient client, Indices indices, SearchLimiter limiter) {
        this.client = client;
        this.limiter = limiter;
        this.indices = indices;
    }

    public AuthorityResults search(AuthorityParameters parameters) {
        boolean statistics = parameters.cursor().isEmpty();
        SearchRequest request = request(indices.authority(), parameters);
        SearchResponse<AuthorityEntry> response = Searches.execute(limiter, client, request, AuthorityEntry.class, LOG);
        List<Hit<AuthorityEntry>> hits = response.hits().hits();
        String next = null;
        if (hits.size() > parameters.limit()) {
            hits = hits.subList(0, parameters.limit());
            next = SearchCursor.encode(SORT_NAME, hits.get(hits.size() - 1).sort());
        }
        List<AuthorityHit> items = hits.stream().map(Hit::source).map(r -> new AuthorityHit(r.office(),
                r.numberKey(), r.key(), r.kind(), r.publicationDate(), r.exceptionCode(), r.docNumber())).toList();
        return new AuthorityResults(items, next, statistics ? statistics(response.aggregations().get("years")) : null);
    }

    /** The request of one page, built without the cluster (so that it can be checked offline). */
    static SearchRequest request(String index, AuthorityParameters parameters) {
        List<FieldValue> after = parameters.cursor().map(c -> SearchCursor.decode(c, SORT_NAME, SORT.size()))
                .orElse(null);
        return SearchRequest.of(s -> {
            // no index yet (no edition activated) is an empty result, not an error
            s.index(index).ignoreUnavailable(true).allowNoIndices(true)
                    .size(parameters.limit() + 1).query(query(parameters)).sort(SORT)
                    .trackTotalHits(t -> t.enabled(false));
            if (after != null) {
                s.searchAfter(after);
            } else {
                s.aggregations("years", a -> a.terms(t -> t.field("year").size(500)
                                .order(co.elastic.clients.util.NamedValue.of("_key", SortOrder.Asc)))
                        .aggregations("kinds", k -> k.terms(t -> t.field("kind").size(50))));
            }
            return s;
        });
    }

    private static Query query(AuthorityParameters parameters) {
        List<Query> filters = new ArrayList<>();
        parameters.number().ifPresent(number -> filters.add(number.kind().isPresent()
                ? Query.of(q -> q.term(t -> t.field("key").value(number.key())))
                : Query.of(q -> q.prefix(p -> p.field("numberKey").value(number.numberKey())))));
        parameters.office().ifPresent(office -> filters.add(Query.of(q -> q.term(t -> t.field("office")
                .value(office)))));
        if (!parameters.kinds().isEmpty()) {
            filters.add(terms("kind", parameters.kinds()));
        }
        if (!parameters.exceptionCodes().isEmpty()) {
            filters.add(terms("exceptionCode", parameters.exceptionCodes()));
        }
        if (parameters.fromYear().isPresent() || parameters.toYear().isPresent()) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> {
                n.field("year");
                parameters.fromYear().ifPresent(from -> n.gte((double) from));
                parameters.toYear().ifPresent(to -> n.lte((double) to));
                return n;
            }))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static List<AuthorityResults.YearCount> statistics(Aggregate years) {
        if (years == null || !years.isLterms()) {
            return List.of();
        }
        List<AuthorityResults.YearCount> counts = new ArrayList<>();
        for (LongTermsBucket year : years.lterms().buckets().array()) {
            Aggregate kinds = year.aggregations().get("kinds");
            List<FacetCount> perKind = kinds != null && kinds.isSterms() ? kinds.sterms().buckets().array().stream()
                    .map(b -> new FacetCount(b.key().stringValue(), b.docCount())).toList() : List.of();
            counts.add(new AuthorityResults.YearCount((int) year.key(), year.docCount(), perKind));
        }
        return counts;
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(SortOrder.Asc)));
    }
}
