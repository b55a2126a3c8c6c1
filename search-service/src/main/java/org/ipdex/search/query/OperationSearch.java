package org.ipdex.search.query;

import jakarta.inject.Singleton;
import org.ipdex.search.index.Indices;
import org.ipdex.search.index.OperationEntry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Searches single operations across every API ("legal status" at any office). The summary weighs most; the
 * API's title counts a little, so "register" also finds the operations of the register APIs; parameter and
 * property names let "applicationNumber" find the operations that take one.
 */
@Singleton
public class OperationSearch {

    public static final Set<Facet> FACETS = EnumSet.allOf(Facet.class);
    private static final List<String> FIELDS = List.of("summary^3", "operationId^2", "path^2", "tags^2",
            "parameterNames", "propertyNames^0.5", "description", "apiTitle^0.5");

    private final IndexSearch search;
    private final IndexSearch.Spec spec;

    OperationSearch(IndexSearch search, Indices indices) {
        this.search = search;
        this.spec = spec(indices.operations());
    }

    static IndexSearch.Spec spec(String index) {
        return new IndexSearch.Spec("operations", index, FIELDS, "apiTitle.keyword", "operationKey",
                List.of("summary", "description", "path"), FACETS);
    }

    public SearchResults<OperationHit> search(SearchParameters parameters) {
        IndexSearch.Found<OperationEntry> found = search.run(spec, parameters, OperationEntry.class);
        List<OperationHit> hits = found.hits().stream().map(hit -> {
            OperationEntry operation = hit.source();
            return new OperationHit(operation.apiId(), operation.officeCode(), operation.apiTitle(),
                    operation.method(), operation.path(), operation.operationId(), operation.summary(),
                    IndexSearch.score(hit), IndexSearch.snippet(spec, hit));
        }).toList();
        return new SearchResults<>(hits, found.next(), found.facets());
    }
}
