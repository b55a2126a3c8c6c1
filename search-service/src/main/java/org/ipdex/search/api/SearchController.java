package org.ipdex.search.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.page.Page;
import org.ipdex.search.query.ApiHit;
import org.ipdex.search.query.ApiSearch;
import org.ipdex.search.query.OperationHit;
import org.ipdex.search.query.OperationSearch;
import org.ipdex.search.query.SearchParameters;

/** Any identity the gateway vouched for may search, the anonymous public one included. */
@Tag(name = "search")
@Controller("/api/v1/search")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    private static final String Q = "Words to find. Typos are forgiven; \"quoted words\" must appear as a phrase, "
            + "-word excludes, pre* matches a prefix. Empty lists everything by title.";
    private static final String CURSOR = "The `next` of the previous page, unchanged.";
    private static final String LIMIT = "Hits per page, 1 to 100.";

    private final ApiSearch apis;
    private final OperationSearch operations;

    SearchController(ApiSearch apis, OperationSearch operations) {
        this.apis = apis;
        this.operations = operations;
    }

    @Operation(summary = "Search the APIs of every office",
            description = "Ordered by relevance (a match in the title weighs more than one in the description), "
                    + "or by title without `q`. Pass `next` as `cursor` for the next page.")
    @Get("/apis")
    Page<ApiHit> searchApis(@Parameter(description = Q) @Nullable @QueryValue String q,
                            @Parameter(description = "ST.3 code of an office, e.g. EP") @Nullable @QueryValue String office,
                            @Parameter(description = CURSOR) @Nullable @QueryValue String cursor,
                            @Parameter(description = LIMIT) @QueryValue(defaultValue = "20") int limit) {
        return apis.search(SearchParameters.of(q, office, null, cursor, limit));
    }

    @Operation(summary = "Search the operations of every API",
            description = "Ordered by relevance (the summary weighs most), or by API title without `q`.")
    @Get("/operations")
    Page<OperationHit> searchOperations(@Parameter(description = Q) @Nullable @QueryValue String q,
                                        @Parameter(description = "ST.3 code of an office, e.g. EP") @Nullable @QueryValue String office,
                                        @Parameter(description = "HTTP method, e.g. get") @Nullable @QueryValue String method,
                                        @Parameter(description = CURSOR) @Nullable @QueryValue String cursor,
                                        @Parameter(description = LIMIT) @QueryValue(defaultValue = "20") int limit) {
        return operations.search(SearchParameters.of(q, office, method, cursor, limit));
    }
}
