package org.ipdex.catalog.subscription;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.catalog.api.ApiRepository;
import org.ipdex.catalog.api.ApiResponse;
import org.ipdex.catalog.api.ApiVersionRepository;
import org.ipdex.catalog.api.VersionSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9727 {@code /.well-known/api-catalog}: an RFC 9264 linkset naming every registered API, each with its spec
 * ({@code service-desc}), its product page ({@code service-doc}) and its endpoint checks ({@code status}).
 * <p>
 * Hidden from the versioned API document: a well-known URI (RFC 8615) is fixed by its standard and carries no
 * {@code /v1}, so listing it would break ST.90's major-version rule for the whole document, as {@code /health} would.
 */
@Hidden
@Tag(name = "catalog")
@Controller("/.well-known/api-catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiCatalogController {

    static final String LINKSET = "application/linkset+json";
    private static final String PROFILE = "https://www.rfc-editor.org/info/rfc9727";
    private static final int PAGE = 500;

    private final ApiRepository apis;
    private final ApiVersionRepository versions;
    private final PublicLinks links;
    private final JsonMapper json;

    ApiCatalogController(ApiRepository apis, ApiVersionRepository versions, PublicLinks links, JsonMapper json) {
        this.apis = apis;
        this.versions = versions;
        this.links = links;
        this.json = json;
    }

    @Operation(operationId = "getApiCatalog", summary = "The API catalog of this host (RFC 9727)",
            description = "A linkset of every registered API with links to its spec and documentation.")
    @Get(produces = LINKSET)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> catalog() {
        List<Map<String, Object>> contexts = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("anchor", links.path("/.well-known/api-catalog"));
        catalog.put("item", items);
        contexts.add(catalog);
        String after = "";
        for (List<VersionSummary> page = versions.latestVersions(after, PAGE); !page.isEmpty();
             page = versions.latestVersions(after, PAGE)) {
            for (VersionSummary version : page) {
                apis.findById(version.apiId()).map(ApiResponse::of).ifPresent(api -> {
                    items.add(link(links.api(api.apiId()), "application/json", api.title()));
                    contexts.add(context(api, version));
                });
            }
            after = page.get(page.size() - 1).apiId();
        }
        try {
            return HttpResponse.ok(json.writeValueAsString(Map.of("linkset", contexts)))
                    .contentType(LINKSET + "; profile=\"" + PROFILE + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> context(ApiResponse api, VersionSummary version) {
        String spec = links.version(api.apiId(), version.number()) + "/spec";
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", links.api(api.apiId()));
        context.put("service-desc", List.of(link(spec, version.mediaType(), api.title()),
                link(spec + "?form=normalised", "application/json", api.title() + " (OpenAPI 3, resolved)")));
        if (api.metadata().productPageUrl() != null) {
            context.put("service-doc", List.of(link(api.metadata().productPageUrl(), "text/html", api.title())));
        }
        context.put("status", List.of(link(links.api(api.apiId()) + "/endpointChecks", "application/json",
                "endpoint checks")));
        context.put("alternate", List.of(link(links.api(api.apiId()) + "/changes", "application/atom+xml",
                "changes")));
        return context;
    }

    private static Map<String, Object> link(String href, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("type", type);
        link.put("title", title);
        return link;
    }
}
