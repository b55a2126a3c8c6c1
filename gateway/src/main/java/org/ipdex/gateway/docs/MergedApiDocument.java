package org.ipdex.gateway.docs;

import io.micronaut.scheduling.annotation.Scheduled;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Singleton;
import org.ipdex.gateway.GatewayApplication;
import org.ipdex.gateway.route.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The merged OpenAPI document of the public API, cached. Rebuilt when a service's own document changes (checked
 * every {@code ipdex.docs.refresh-every}) and, while a service could not be reached, every
 * {@code ipdex.docs.retry-every}; a service that is down keeps its last known part, or is named as missing in the
 * document's description, so {@code /docs} always answers.
 */
@Singleton
class MergedApiDocument {

    private static final Logger LOG = LoggerFactory.getLogger(MergedApiDocument.class);
    /** Never public, whatever a service's own document lists. */
    private static final Pattern INTERNAL = Pattern.compile("^/(internal|health|prometheus|openapi)(/.*)?$");

    private final SourceDocuments sources;
    private final RouteTable routes;
    private final DocsProperties properties;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    /** The last document each service published, kept while it is down. */
    private final Map<String, String> lastKnown = new ConcurrentHashMap<>();

    /** What is served: the document in both forms, its ETag, and whether every service contributed. */
    record Snapshot(String json, String yaml, String etag, boolean complete, Instant builtAt, String sourcesKey) {
    }

    MergedApiDocument(SourceDocuments sources, RouteTable routes, DocsProperties properties) {
        this.sources = sources;
        this.routes = routes;
        this.properties = properties;
    }

    /** Blocking on the first call, which builds the document; cached afterwards. */
    Snapshot current() {
        Snapshot snapshot = current.get();
        if (snapshot == null || (!snapshot.complete()
                && snapshot.builtAt().plus(properties.retryEvery()).isBefore(Instant.now()))) {
            return refresh();
        }
        return snapshot;
    }

    @Scheduled(fixedDelay = "${ipdex.docs.refresh-every:5m}", initialDelay = "${ipdex.docs.refresh-every:5m}")
    synchronized Snapshot refresh() {
        List<SourceDocument> fetched = sources.fetchAll();
        List<String> missing = new ArrayList<>();
        List<SourceDocument> usable = new ArrayList<>();
        for (SourceDocument source : fetched) {
            if (source.text().isPresent()) {
                lastKnown.put(source.name(), source.text().get());
                usable.add(source);
            } else if (lastKnown.containsKey(source.name())) {
                usable.add(SourceDocument.of(source.name(), lastKnown.get(source.name())));
                missing.add(source.name() + " (" + source.problem().orElse("?") + "; its last known part is shown)");
            } else {
                missing.add(source.name() + " (" + source.problem().orElse("?") + ")");
            }
        }
        String key = String.join("\n", usable.stream().map(s -> s.name() + "=" + hash(s.text().orElse(""))).toList())
                + "|" + missing;
        Snapshot previous = current.get();
        if (previous != null && previous.sourcesKey().equals(key)) {
            Snapshot same = new Snapshot(previous.json(), previous.yaml(), previous.etag(), missing.isEmpty(),
                    Instant.now(), key);
            current.set(same);
            return same;
        }
        Snapshot built = build(usable, missing, key);
        current.set(built);
        return built;
    }

    private Snapshot build(List<SourceDocument> usable, List<String> missing, String key) {
        List<OpenApiMerger.Part> parts = new ArrayList<>();
        for (SourceDocument source : usable) {
            parse(source).ifPresentOrElse(
                    document -> parts.add(new OpenApiMerger.Part(source.name(), document, publicPaths(source.name()))),
                    () -> missing.add(source.name() + " (its document could not be read)"));
        }
        OpenApiMerger.Merged merged = OpenApiMerger.merge(parts);
        OpenAPI document = new OpenAPI()
                .openapi("3.0.1")
                .info(new Info().title("ipdex public API").version("1.0.0").description(description(missing, merged)))
                .servers(List.of(new Server().url(properties.serverUrl()).description("the ipdex gateway")))
                .tags(merged.tags().isEmpty() ? null : merged.tags())
                .paths(merged.paths())
                .components(merged.components())
                // anonymous callers read; writes need a key (each operation that always does says so itself)
                .security(List.of(new SecurityRequirement(),
                        new SecurityRequirement().addList(GatewayApplication.API_KEY)));
        if (!merged.renamed().isEmpty()) {
            LOG.info("/docs: renamed while merging: {}", merged.renamed());
        }
        if (!missing.isEmpty()) {
            LOG.warn("/docs: built without {}", missing);
        }
        String json = Json.pretty(document);
        return new Snapshot(json, Yaml.pretty(document), "\"" + hash(json) + "\"", missing.isEmpty(), Instant.now(),
                key);
    }

    /**
     * A service's paths are public when the gateway routes them to that service; the gateway's own are the admin API
     * and the answers it composes from several services (an office's scorecard).
     */
    private Predicate<String> publicPaths(String service) {
        Predicate<String> routed = SourceDocuments.GATEWAY.equals(service)
                ? path -> path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/offices/")
                : path -> routes.ownerOf(path).filter(service::equals).isPresent();
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

    private static String description(List<String> missing, OpenApiMerger.Merged merged) {
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

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
