package org.ipdex.search.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.ApiSearch;
import org.ipdex.search.query.AuthorityParameters;
import org.ipdex.search.query.AuthorityQuery;
import org.ipdex.search.query.AuthorityResults;
import org.ipdex.search.query.AuthoritySearch;
import org.ipdex.search.query.Facet;
import org.ipdex.search.query.OperationHit;
import org.ipdex.search.query.OperationSearch;
import org.ipdex.search.query.SearchParameters;
import org.ipdex.search.query.SearchQuery;
import org.ipdex.search.query.SearchResults;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Any identity the gateway vouched for may search, the anonymous public one included. */
@Tag(name = "search")
@Controller("/api/v1/search")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    private static final Set<String> PAGING = Set.of("q", "sort", "cursor", "limit");
    private static final Set<String> API_FACETS = names(ApiSearch.FACETS);
    private static final Set<String> OPERATION_FACETS = names(OperationSearch.FACETS);
    private static final Set<String> AUTHORITY = Set.of("q", "office", "kind", "fromYear", "toYear",
            "exceptionCode", "cursor", "limit");

    private final ApiSearch apis;
    private final OperationSearch operations;
    private final AuthoritySearch authority;

    SearchController(ApiSearch apis, OperationSearch operations, AuthoritySearch authority) {
        this.apis = apis;
        this.operations = operations;
        this.authority = authority;
    }

    @Operation(summary = "Search the APIs of every office",
            description = "Ordered by relevance (a match in the title weighs more than one in the description), "
                    + "by title, or by last update. Facet parameters may be repeated; the first page carries the "
                    + "count of every facet value under the other facets' filters. Pass `next` as `cursor`.")
    @Get("/apis")
    SearchResults<ApiHit> searchApis(HttpRequest<?> request, @RequestBean SearchQuery query) {
        QueryParameters.check(request.getParameters(), union(PAGING, API_FACETS), API_FACETS);
        return apis.search(SearchParameters.of(query, ApiSearch.FACETS));
    }

    @Operation(summary = "Search the operations of every API",
            description = "Ordered by relevance (the summary weighs most), by API title, or by last update; "
                    + "the same facets as the API search, plus the HTTP method.")
    @Get("/operations")
    SearchResults<OperationHit> searchOperations(HttpRequest<?> request, @RequestBean SearchQuery query) {
        QueryParameters.check(request.getParameters(), union(PAGING, OPERATION_FACETS), OPERATION_FACETS);
        return operations.search(SearchParameters.of(query, OperationSearch.FACETS));
    }

    @Operation(summary = "Look up and list the authority records of every office's current edition",
            description = "`q` is a publication number in any common form; without a kind code it also finds "
                    + "every number it is the start of (EP10000 finds EP1000000…). The first page carries the "
                    + "records per year and kind. Pages are cursors, as deep as the data goes.")
    @Get("/authority")
    AuthorityResults searchAuthority(HttpRequest<?> request, @RequestBean AuthorityQuery query) {
        QueryParameters.check(request.getParameters(), AUTHORITY, Set.of("kind", "exceptionCode"));
        return authority.search(AuthorityParameters.of(query));
    }

    private static Set<String> names(Set<Facet> facets) {
        return facets.stream().map(Facet::parameter).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
