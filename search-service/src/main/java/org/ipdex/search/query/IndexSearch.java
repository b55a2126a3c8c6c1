package org.ipdex.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * What a search of any index does the same way: text query plus filters, relevance or listing order with a
 * unique tie-breaker (so {@code search_after} never skips or repeats a hit), cursors, highlights, and an
 * unreachable cluster reported as 503.
 */
@Singleton
final class IndexSearch {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSearch.class);

    private final ElasticsearchClient client;

    IndexSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param name          names the sort inside cursors, so one search's cursor is refused by another
     * @param textFields    searched fields with boosts ({@code title^3})
     * @param listingSort   the order without search text
     * @param tieBreaker    a unique keyword field
     * @param highlight     fields to take the snippet from, most wanted first
     */
    record Spec(String name, String index, List<String> textFields, String listingSort, String tieBreaker,
                List<String> highlight) {
    }

    record Found<T>(List<Hit<T>> hits, @Nullable String next) {
    }

    <T> Found<T> run(Spec spec, SearchParameters parameters, List<Query> filters, Class<T> type) {
        boolean relevance = parameters.text().isPresent();
        String sortName = spec.name() + (relevance ? ".relevance" : ".listing");
        List<SortOptions> sort = relevance
                ? List.of(SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))), ascending(spec.tieBreaker()))
                : List.of(ascending(spec.listingSort()), ascending(spec.tieBreaker()));
        List<FieldValue> after = parameters.cursor()
                .map(cursor -> SearchCursor.decode(cursor, sortName, sort.size())).orElse(null);
        Query text = parameters.text().map(t -> SearchText.query(t, spec.textFields()))
                .orElseGet(() -> Query.of(q -> q.matchAll(m -> m)));
        Query query = Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
        SearchRequest request = SearchRequest.of(s -> {
            // one more than asked: tells whether there is a next page without a count
            s.index(spec.index()).size(parameters.limit() + 1).query(query).sort(sort)
                    .trackTotalHits(t -> t.enabled(false));
            if (after != null) {
                s.searchAfter(after);
            }
            if (relevance) {
                // HTML-escaped: descriptions come from specs that anyone can register
                s.highlight(h -> {
                    h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                            .numberOfFragments(1).fragmentSize(160);
                    spec.highlight().forEach(field -> h.fields(field, f -> f));
                    return h;
                });
            }
            return s;
        });
        List<Hit<T>> hits = execute(request, type);
        if (hits.size() <= parameters.limit()) {
            return new Found<>(hits, null);
        }
        List<Hit<T>> page = hits.subList(0, parameters.limit());
        return new Found<>(page, SearchCursor.encode(sortName, page.get(page.size() - 1).sort()));
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

    private <T> List<Hit<T>> execute(SearchRequest request, Class<T> type) {
        try {
            return client.search(request, type).hits().hits();
        } catch (IOException e) {
            LOG.warn("Search of {} failed: {}", request.index(), e.toString());
            throw new UnavailableException("Search is unavailable for a moment; retry shortly");
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                throw new UnavailableException("The search index is being created; retry shortly");
            }
            throw e;
        }
    }

    private static SortOptions ascending(String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(SortOrder.Asc)));
    }
}
