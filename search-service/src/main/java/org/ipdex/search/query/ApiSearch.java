package org.ipdex.search.query;

import jakarta.inject.Singleton;
import org.ipdex.search.index.ApiEntry;
import org.ipdex.search.index.Indices;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Searches the APIs of every office. A match in the title counts three times one in the description. */
@Singleton
public class ApiSearch {

    public static final Set<Facet> FACETS = EnumSet.complementOf(EnumSet.of(Facet.METHOD));
    private static final List<String> FIELDS = List.of("title^3", "tags^2", "officeName", "description");

    private final IndexSearch search;
    private final IndexSearch.Spec spec;

    ApiSearch(IndexSearch search, Indices indices) {
        this.search = search;
        this.spec = spec(indices.apis());
    }

    static IndexSearch.Spec spec(String index) {
        return new IndexSearch.Spec("apis", index, FIELDS, "title.sort", "apiId", List.of("description", "title"),
                FACETS);
    }

    public SearchResults<ApiHit> search(SearchParameters parameters) {
        IndexSearch.Found<ApiEntry> found = search.run(spec, parameters, ApiEntry.class);
        List<ApiHit> hits = found.hits().stream().map(hit -> {
            ApiEntry api = hit.source();
            return new ApiHit(api.apiId(), api.officeCode(), api.officeName(), api.title(), api.description(),
                    api.lifecycle(), api.specVersion(), api.updatedAt(), api.operationCount(), api.ipDomains(),
                    api.st90Level(), api.endpointStatus(), IndexSearch.score(hit), IndexSearch.snippet(spec, hit));
        }).toList();
        return new SearchResults<>(hits, found.next(), found.facets());
    }
}
