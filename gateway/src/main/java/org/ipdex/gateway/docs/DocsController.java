package org.ipdex.gateway.docs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /docs}: Swagger UI (from the webjar the portal serves under {@code /webjars}, never a CDN) over the merged
 * OpenAPI document, which is served as JSON and YAML with an ETag.
 */
@Hidden
@Controller("/docs")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocsController {

    static final String YAML = "application/yaml";

    private final MergedApiDocument document;
    private final String page;
    private final String initializer;

    DocsController(MergedApiDocument document, ResourceResolver resources) {
        this.document = document;
        this.page = Webjars.text(resources, "docs/index.html")
                .replace("{{swaggerUi}}", "/webjars/swagger-ui/" + Webjars.version(resources, "swagger-ui"));
        this.initializer = Webjars.text(resources, "docs/swagger-initializer.js");
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> ui() {
        return HttpResponse.ok(page).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Get(uri = "/swagger-initializer.js", produces = "text/javascript")
    HttpResponse<String> initializer() {
        return HttpResponse.ok(initializer).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> json(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        MergedApiDocument.Snapshot snapshot = document.current();
        return cached(snapshot, ifNoneMatch, snapshot.json());
    }

    @Get(uri = "/openapi.yaml", produces = YAML)
    HttpResponse<String> yaml(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        MergedApiDocument.Snapshot snapshot = document.current();
        return cached(snapshot, ifNoneMatch, snapshot.yaml());
    }

    private static MutableHttpResponse<String> cached(MergedApiDocument.Snapshot snapshot, String ifNoneMatch,
                                                      String body) {
        MutableHttpResponse<String> response = snapshot.etag().equals(ifNoneMatch) ? HttpResponse.notModified()
                : HttpResponse.ok(body);
        // revalidated on every use: the document changes whenever a service deploys a new version of its API
        return response.header(HttpHeaders.ETAG, snapshot.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
