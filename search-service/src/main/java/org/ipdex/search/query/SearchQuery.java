package org.ipdex.search.query;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The query parameters of {@code /api/v1/search/apis} and {@code /operations}, as sent; {@link SearchParameters}
 * checks them. Each facet parameter may be repeated ({@code ipDomain=patent&ipDomain=trademark}).
 */
@Introspected
public record SearchQuery(
        @Schema(description = "Words to find. Typos are forgiven; \"quoted words\" must appear as a phrase, -word "
                + "excludes, pre* matches a prefix. Empty lists everything.") @Nullable @QueryValue String q,
        @Schema(description = "ST.3 office code, e.g. EP") @Nullable @QueryValue List<String> office,
        @Schema(description = "IP domain, e.g. patent") @Nullable @QueryValue List<String> ipDomain,
        @Schema(description = "Service type") @Nullable @QueryValue List<String> serviceType,
        @Schema(description = "Content type, e.g. application/json") @Nullable @QueryValue List<String> contentType,
        @Schema(description = "Language, e.g. en") @Nullable @QueryValue List<String> language,
        @Schema(description = "Lifecycle, e.g. production") @Nullable @QueryValue List<String> lifecycle,
        @Schema(description = "ST.90 conformance level: A, AA, AAA") @Nullable @QueryValue List<String> st90Level,
        @Schema(description = "Endpoint status, e.g. up") @Nullable @QueryValue List<String> endpointStatus,
        @Schema(description = "The API's own version (info.version)") @Nullable @QueryValue List<String> specVersion,
        @Schema(description = "Specification format, e.g. openapi-3.0.3") @Nullable @QueryValue List<String> format,
        @Schema(description = "HTTP method (operations only), e.g. get") @Nullable @QueryValue List<String> method,
        @Schema(description = "relevance (default with q), title (default without), updated")
        @Nullable @QueryValue String sort,
        @Schema(description = "The `next` of the previous page, unchanged.") @Nullable @QueryValue String cursor,
        @Schema(description = "Hits per page, 1 to 100; default 20.") @Nullable @QueryValue String limit) {

    List<String> values(Facet facet) {
        List<String> values = switch (facet) {
            case OFFICE -> office;
            case IP_DOMAIN -> ipDomain;
            case SERVICE_TYPE -> serviceType;
            case CONTENT_TYPE -> contentType;
            case LANGUAGE -> language;
            case LIFECYCLE -> lifecycle;
            case ST90_LEVEL -> st90Level;
            case ENDPOINT_STATUS -> endpointStatus;
            case SPEC_VERSION -> specVersion;
            case FORMAT -> format;
            case METHOD -> method;
        };
        return values == null ? List.of() : values;
    }
}
