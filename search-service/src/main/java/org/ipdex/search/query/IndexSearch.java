package org.ipdex.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a search of the catalog indices does the same way: text query, facet filters as a {@code post_filter}
 * (so each facet's counts are computed under the other facets' filters only), relevance, title or update order
 * with a unique tie-breaker (so {@code search_after} never skips or repeats a hit), cursors, highlights, and an
 * unreachable cluster reported as 503.
 */
@Singleton
final class IndexSearch {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSearch.class);
    private static final int FACET_SIZE = 30;
    private static final String VALUES = "values";

    private final ElasticsearchClient client;
    private final SearchLimiter limiter;

    IndexSearch(ElasticsearchClient client, SearchLimiter limiter) {
        this.client = client;
        this.limiter = limiter;
    }

    /**
     * @param name        names the sort inside cursors, so one search's cursor is refused by another
     * @param textFields  searched fields with boosts ({@code title^3})
     * @param titleSort   the title order
     * @param tieBreaker  a unique keyword field
     * @param highlight   fields to take the snippet from, most wanted first
     * @param facets      the facets of this index
     */
    record Spec(String name, String index, List<String> textFields, String titleSort, String tieBreaker,
                List<String> highlight, Set<Facet> facets) {
    }

    record Found<T>(List<Hit<T>> hits, @Nullable String next, @Nullable Map<String, List<FacetCount>> facets) {
    }

    /**
     * One search, planned without the cluster: the request of the page, and the text query and filters the facet
     * counts reuse. Kept apart from {@link #run} so that what a query string turns into can be checked offline.
     */
    record Plan(String sortName, SearchRequest request, Query text, Map<Facet, Query> filters) {
    }

    <T> Found<T> run(Spec spec, SearchParameters parameters, Class<T> type) {
        Plan plan = plan(spec, parameters);
        SearchResponse<T> response = execute(plan.request(), type);
        List<Hit<T>> hits = response.hits().hits();
        Map<String, List<FacetCount>> facets = parameters.cursor().isEmpty()
                ? facets(spec, execute(facetRequest(spec, plan.text(), plan.filters()), JsonData.class).aggregations())
                : null;
        if (hits.size() <= parameters.limit()) {
            return new Found<>(hits, null, facets);
        }
        List<Hit<T>> page = hits.subList(0, parameters.limit());
        return new Found<>(page, SearchCursor.encode(plan.sortName(), page.get(page.size() - 1).sort()), facets);
    }

    static Plan plan(Spec spec, SearchParameters parameters) {
        String sortName = spec.name() + "." + parameters.sort().slug();
        List<SortOptions> sort = switch (parameters.sort()) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(o -> o.order(
                    co.elastic.clients.elasticsearch._types.SortOrder.Desc))), ascending(spec.tieBreaker()));
            case TITLE -> List.of(ascending(spec.titleSort()), ascending(spec.tieBreaker()));
            case UPDATED -> List.of(SortOptions.of(s -> s.field(f -> f.field("updatedAt")
                    .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc).missing("_last"))),
                    ascending(spec.tieBreaker()));
        };
        List<FieldValue> after = parameters.cursor()
                .map(cursor -> SearchCursor.decode(cursor, sortName, sort.size())).orElse(null);
        Query text = parameters.text().map(t -> SearchText.query(t, spec.textFields()))
                .orElseGet(() -> Query.of(q -> q.matchAll(m -> m)));
        Map<Facet, Query> filters = new LinkedHashMap<>();
        parameters.filters().forEach((facet, values) -> filters.put(facet, filter(facet, values)));
        SearchRequest request = SearchRequest.of(s -> {
            // one more than asked: tells whether there is a next page without a count
            // the completion inputs are of no use to a reader, and their shape changed between mappings
            s.index(spec.index()).size(parameters.limit() + 1).query(text).sort(sort)
                    .source(src -> src.filter(f -> f.excludes("suggest", "officeSuggest"))).trackTotalHits(t -> t.enabled(false));
            if (!filters.isEmpty()) {
                s.postFilter(all(filters.values()));
            }
            if (after != null) {
                s.searchAfter(after);
            }
            if (parameters.sort() == SortOrder.RELEVANCE) {
                // HTML-escaped: descriptions come from specs that anyone can register
                s.highlight(h -> {
                    h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                            .numberOfFragments(1).fragmentSize(160);
                    parameters.text().ifPresent(t -> h.highlightQuery(SearchText.exact(t, spec.textFields())));
                    spec.highlight().forEach(field -> h.fields(field, f -> f));
                    return h;
                });
            }
            return s;
        });
        return new Plan(sortName, request, text, filters);
    }

    /**
     * The facet counts, in a request of their own: without hits to return it is answered from the shard request
     * cache for as long as the index does not change, and the searches people make repeat a lot (the landing
     * page's empty query first of all). Counting nine facets costs the cluster more than finding the hits.
     */
    static SearchRequest facetRequest(Spec spec, Query text, Map<Facet, Query> filters) {
        return SearchRequest.of(s -> s.index(spec.index()).size(0).query(text).requestCache(true)
                .trackTotalHits(t -> t.enabled(false)).aggregations(facetAggregations(spec, filters)));
    }

    /** Each facet is counted under every filter but its own: the "multi-select" facets people expect. */
    private static Map<String, Aggregation> facetAggregations(Spec spec, Map<Facet, Query> filters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : spec.facets()) {
            List<Query> others = new ArrayList<>();
            filters.forEach((other, query) -> {
                if (other != facet) {
                    others.add(query);
                }
            });
            aggregations.put(facet.parameter(), Aggregation.of(a -> a.filter(all(others))
                    .aggregations(VALUES, v -> v.terms(t -> t.field(facet.field()).size(FACET_SIZE)))));
        }
        return aggregations;
    }

    private static Map<String, List<FacetCount>> facets(Spec spec, Map<String, Aggregate> aggregations) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (Facet facet : spec.facets()) {
            Aggregate aggregate = aggregations.get(facet.parameter());
            if (aggregate == null) {
                continue;
            }
            Aggregate values = aggregate.filter().aggregations().get(VALUES);
            List<FacetCount> counts = values.isSterms()
                    ? values.sterms().buckets().array().stream()
                    .map(b -> new FacetCount(b.key().stringValue(), b.docCount())).toList()
                    : List.of();
            facets.put(facet.parameter(), counts);
        }
        return facets;
    }

    /** Values of one facet are alternatives; case is ignored so "Patent" finds "patent". */
    private static Query filter(Facet facet, List<String> values) {
        List<Query> any = values.stream().map(value -> Query.of(q -> q.term(t -> t.field(facet.field())
                .value(value).caseInsensitive(true)))).toList();
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    private static Query all(java.util.Collection<Query> queries) {
        return Query.of(q -> q.bool(b -> b.filter(List.copyOf(queries))));
    }

    /** Elasticsearch reports NaN when the order was not by relevance; the API leaves the score out then. */
    static Double score(Hit<?> hit) {
        return hit.score() == null || hit.score().isNaN() ? null : hit.score();
    }

    /** The first highlighted fragment, in the order of {@link Spec#highlight()}. */
    static String snippet(Spec spec, Hit<?> hit) {
        for (String field : spec.highlight()) {
            List<String> fragments = hit.highlight().get(field);
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.get(0);
            }
        }
        return null;
    }

    private <T> SearchResponse<T> execute(SearchRequest request, Class<T> type) {
        return Searches.execute(limiter, client, request, type, LOG);
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)));
    }
}
