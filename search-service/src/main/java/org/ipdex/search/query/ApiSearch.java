package org.ipdex.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import jakarta.inject.Singleton;
import org.ipdex.common.page.Page;
import org.ipdex.search.index.ApiEntry;
import org.ipdex.search.index.Indices;

import java.util.ArrayList;
import java.util.List;

/** Searches the APIs of every office. A match in the title counts three times one in the description. */
@Singleton
public class ApiSearch {

    private static final List<String> FIELDS = List.of("title^3", "tags^2", "description");

    private final IndexSearch search;
    private final IndexSearch.Spec spec;

    ApiSearch(IndexSearch search, Indices indices) {
        this.search = search;
        this.spec = new IndexSearch.Spec("apis", indices.apis(), FIELDS, "title.sort", "apiId",
                List.of("description", "title"));
    }

    public Page<ApiHit> search(SearchParameters parameters) {
        List<Query> filters = new ArrayList<>();
        parameters.office().ifPresent(office -> filters.add(Query.of(q -> q.term(t -> t.field("officeCode")
                .value(office)))));
        IndexSearch.Found<ApiEntry> found = search.run(spec, parameters, filters, ApiEntry.class);
        List<ApiHit> hits = found.hits().stream().map(hit -> {
            ApiEntry api = hit.source();
            return new ApiHit(api.apiId(), api.officeCode(), api.title(), api.description(), api.lifecycle(),
                    api.operationCount(), IndexSearch.score(hit), IndexSearch.snippet(spec, hit));
        }).toList();
        return new Page<>(hits, found.next());
    }
}
