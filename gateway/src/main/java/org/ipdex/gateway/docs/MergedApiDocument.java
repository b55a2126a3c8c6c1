package org.ipdex.gateway.docs;

import io.micronaut.scheduling.annotation.Scheduled;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import jakarta.inject.Singleton;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merged OpenAPI document of the public API, cached. Rebuilt when a service's own document changes (checked
 * every {@code ipdex.docs.refresh-every}) and, while a service could not be reached, every
 * {@code ipdex.docs.retry-every}; a service that is down keeps its last known part, or is named as missing in the
 * document's description, so {@code /docs} always answers.
 */
@Singleton
class MergedApiDocument {

    private static final Logger LOG = LoggerFactory.getLogger(MergedApiDocument.class);

    private final SourceDocuments sources;
    private final DocsProperties properties;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    /** The last document each service published, kept while it is down. */
    private final Map<String, String> lastKnown = new ConcurrentHashMap<>();

    /** What is served: the document in both forms, its ETag, and whether every service contributed. */
    record Snapshot(String json, String yaml, String etag, boolean complete, Instant builtAt, String sourcesKey) {
    }

    MergedApiDocument(SourceDocuments sources, DocsProperties properties) {
        this.sources = sources;
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
        PublicApiDocument.Composed composed = PublicApiDocument.compose(usable, missing, properties.serverUrl());
        if (!composed.missing().isEmpty()) {
            LOG.warn("/docs: built without {}", composed.missing());
        }
        String json = Json.pretty(composed.document());
        return new Snapshot(json, Yaml.pretty(composed.document()), "\"" + hash(json) + "\"",
                composed.missing().isEmpty(), Instant.now(), key);
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
