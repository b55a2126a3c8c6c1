package org.ipdex.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import jakarta.inject.Singleton;
import org.ipdex.common.page.Page;
import org.ipdex.search.index.Indices;
import org.ipdex.search.index.OperationEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Searches single operations across every API ("legal status" at any office). The summary weighs most; the
 * API's title counts a little, so "register" also finds the operations of the register APIs.
 */
@Singleton
public class OperationSearch {

    private static final List<String> FIELDS = List.of("summary^3", "operationId^2", "path^2", "tags^2",
            "description", "apiTitle^0.5");

    private final IndexSearch search;
    private final IndexSearch.Spec spec;

    OperationSearch(IndexSearch search, Indices indices) {
        this.search = search;
        this.spec = new IndexSearch.Spec("operations", indices.operations(), FIELDS, "apiTitle.keyword",
                "operationKey", List.of("summary", "description", "path"));
    }

    public Page<OperationHit> search(SearchParameters parameters) {
        List<Query> filters = new ArrayList<>();
        parameters.office().ifPresent(office -> filters.add(Query.of(q -> q.term(t -> t.field("officeCode")
                .value(office)))));
        parameters.method().ifPresent(method -> filters.add(Query.of(q -> q.term(t -> t.field("method")
                .value(method)))));
        IndexSearch.Found<OperationEntry> found = search.run(spec, parameters, filters, OperationEntry.class);
        List<OperationHit> hits = found.hits().stream().map(hit -> {
            OperationEntry operation = hit.source();
            return new OperationHit(operation.apiId(), operation.officeCode(), operation.apiTitle(),
                    operation.method(), operation.path(), operation.operationId(), operation.summary(), IndexSearch.score(hit),
                    IndexSearch.snippet(spec, hit));
        }).toList();
        return new Page<>(hits, found.next());
    }
}
