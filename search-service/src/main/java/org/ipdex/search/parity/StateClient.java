package org.ipdex.search.parity;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.common.page.Page;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.parity.OfficeState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what catalog-service and authority-service state as current ({@code /internal/v1/apiStates},
 * {@code /internal/v1/officeStates}), with this service's identity token like the feed readers: search-service
 * never reads another service's tables.
 */
@Singleton
class StateClient {

    private static final int PAGE = 1000;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<ApiState>> API_PAGE = (Argument) Argument.of(Page.class, ApiState.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<OfficeState>> OFFICE_PAGE = (Argument) Argument.of(Page.class,
            OfficeState.class);

    private final HttpClient catalog;
    private final HttpClient authority;
    private final IdentityTokens tokens;

    StateClient(@Client("${ipdex.feeds.catalog.url}") HttpClient catalog,
                @Client("${ipdex.feeds.authority.url}") HttpClient authority, IdentityTokens tokens) {
        this.catalog = catalog;
        this.authority = authority;
        this.tokens = tokens;
    }

    /** Every API by id, read in keyset pages. */
    Map<String, ApiState> apis() {
        Map<String, ApiState> apis = new LinkedHashMap<>();
        String after = "";
        while (after != null) {
            String uri = UriBuilder.of("/internal/v1/apiStates").queryParam("after", after)
                    .queryParam("limit", PAGE).toString();
            Page<ApiState> page = catalog.toBlocking().retrieve(
                    HttpRequest.GET(uri).bearerAuth(tokens.forThisService()), API_PAGE);
            page.items().forEach(api -> apis.put(api.apiId(), api));
            after = page.next();
        }
        return apis;
    }

    /** Every office that has an active edition, by office code. */
    Map<String, OfficeState> offices() {
        Page<OfficeState> page = authority.toBlocking().retrieve(
                HttpRequest.GET("/internal/v1/officeStates").bearerAuth(tokens.forThisService()), OFFICE_PAGE);
        Map<String, OfficeState> offices = new LinkedHashMap<>();
        page.items().forEach(office -> offices.put(office.office(), office));
        return offices;
    }
}
