package org.ipdex.gateway.docs;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.ipdex.gateway.GatewayApplication;
import org.ipdex.gateway.route.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The public API's OpenAPI document, composed from the services' own documents. It is the one recipe behind both
 * the document {@code /docs} serves ({@link MergedApiDocument}) and the one the build writes for the typed client
 * ({@link BuildTimeDocument}), so the client cannot be generated from anything but what the gateway serves.
 */
final class PublicApiDocument {

    /** The gateway is the document's only server; a relative URL keeps the document valid behind any host name. */
    static final String DEFAULT_SERVER_URL = "/";

    private static final Logger LOG = LoggerFactory.getLogger(PublicApiDocument.class);
    /** Never public, whatever a service's own document lists. */
    private static final Pattern INTERNAL = Pattern.compile("^/(internal|health|prometheus|openapi)(/.*)?$");

    /**
     * The document, and what is not in it.
     *
     * @param missing each source that could not be read, with why; the document's description names them too
     */
    record Composed(OpenAPI document, List<String> missing) {
    }

    private PublicApiDocument() {
    }

    /**
     * @param sources   the services' documents in merge order (backends by name, then the gateway's own)
     * @param missing   sources that gave no document at all, with why
     * @param serverUrl the URL the document names as its server
     */
    static Composed compose(List<SourceDocument> sources, List<String> missing, String serverUrl) {
        List<String> absent = new ArrayList<>(missing);
        List<OpenApiMerger.Part> parts = new ArrayList<>();
        for (SourceDocument source : sources) {
            parse(source).ifPresentOrElse(
                    document -> parts.add(new OpenApiMerger.Part(source.name(), document, publicPaths(source.name()))),
                    () -> absent.add(source.name() + " (its document could not be read)"));
        }
        OpenApiMerger.Merged merged = OpenApiMerger.merge(parts);
        OpenAPI document = new OpenAPI()
                .openapi("3.0.1")
                .info(new Info().title("ipdex public API").version("1.0.0").description(description(absent)))
                .servers(List.of(new Server().url(serverUrl).description("the ipdex gateway")))
                .tags(merged.tags().isEmpty() ? null : merged.tags())
                .paths(merged.paths())
                .components(merged.components())
                // anonymous callers read; writes need a key (each operation that always does says so itself)
                .security(List.of(new SecurityRequirement(),
                        new SecurityRequirement().addList(GatewayApplication.API_KEY)));
        if (!merged.renamed().isEmpty()) {
            LOG.info("/docs: renamed while merging: {}", merged.renamed());
        }
        return new Composed(document, List.copyOf(absent));
    }

    /**
     * A service's paths are public when the gateway routes them to that service; the gateway's own are the admin API
     * and the answers it composes from several services (an office's scorecard).
     */
    private static Predicate<String> publicPaths(String service) {
        Predicate<String> routed = SourceDocuments.GATEWAY.equals(service)
                ? path -> path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/offices/")
                : path -> RouteTable.ownerOf(path).filter(service::equals).isPresent();
        return routed.and(path -> !INTERNAL.matcher(path).matches());
    }

    private static Optional<OpenAPI> parse(SourceDocument source) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI document = new OpenAPIParser().readContents(source.text().orElseThrow(), null, options).getOpenAPI();
        if (document == null) {
            LOG.warn("/docs: the {} service's document is not OpenAPI", source.name());
        }
        return Optional.ofNullable(document);
    }

    private static String description(List<String> missing) {
        StringBuilder text = new StringBuilder("Every office's web APIs and ST.37 authority files in one place: the"
                + " catalog (register, version, lint and diff OpenAPI specs), authority files and coverage checks,"
                + " and search across all of them. Reads are open to anyone; writes need an API key sent as"
                + " `Authorization: Bearer <key>`. Requests are rate-limited per key or client address; every"
                + " limited answer carries `RateLimit-Policy` and `RateLimit` headers, and a refused one is a 429"
                + " with `Retry-After`. Errors are `application/problem+json` (RFC 9457).");
        if (!missing.isEmpty()) {
            text.append("\n\n**Incomplete:** these services could not be asked for their part just now: ")
                    .append(String.join(", ", missing)).append(". This document is rebuilt as soon as they answer.");
        }
        return text.toString();
    }
}
