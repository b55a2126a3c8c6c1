package org.ipdex.search.query;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The query parameters of {@code /api/v1/search/authority}, as sent; {@link AuthorityParameters} checks them.
 * Numbers arrive as text so that "abc" is refused with the parameter's name, like every other bad value.
 */
@Introspected
public record AuthorityQuery(
        @Schema(description = "A publication number in any common form (EP 1 000 000 B1, EP1000000, "
                + "US 2005/0123456 A1); without a kind code it also finds every number it is the start of")
        @Nullable @QueryValue String q,
        @Schema(description = "ST.3 office code, e.g. EP") @Nullable @QueryValue String office,
        @Schema(description = "ST.16 kind code, e.g. B1; repeatable") @Nullable @QueryValue List<String> kind,
        @Schema(description = "First publication year") @Nullable @QueryValue String fromYear,
        @Schema(description = "Last publication year") @Nullable @QueryValue String toYear,
        @Schema(description = "Exception code of the office's authority file; repeatable")
        @Nullable @QueryValue List<String> exceptionCode,
        @Schema(description = "The `next` of the previous page, unchanged.") @Nullable @QueryValue String cursor,
        @Schema(description = "Records per page, 1 to 1000; default 50.") @Nullable @QueryValue String limit) {
}
