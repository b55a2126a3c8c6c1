package org.ipdex.gateway.docs;

import io.swagger.v3.core.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the merged public document at build time, from the services' generated documents, with the same code
 * {@code /docs} runs ({@link PublicApiDocument}), so that the typed client (client/) is generated from what the
 * gateway serves and cannot drift from it. The client's build runs it:
 * {@code BuildTimeDocument OUT.json catalog=…/ipdex-catalog-1.yml authority=… search=…}; the names are the backends'
 * ({@code ipdex.docs.sources}), and the gateway's own part comes from its class path, as at run time.
 */
public final class BuildTimeDocument {

    private BuildTimeDocument() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BuildTimeDocument OUT.json NAME=DOCUMENT.yml …");
        }
        List<SourceDocument> sources = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] source = args[i].split("=", 2);
            if (source.length != 2) {
                throw new IllegalArgumentException("not NAME=DOCUMENT.yml: " + args[i]);
            }
            sources.add(SourceDocument.of(source[0], Files.readString(Path.of(source[1]))));
        }
        // the order the gateway merges in: backends by name, then its own
        sources.sort(Comparator.comparing(SourceDocument::name));
        sources.add(SourceDocument.of(SourceDocuments.GATEWAY, ownDocument()));

        PublicApiDocument.Composed composed = PublicApiDocument.compose(sources, List.of(),
                PublicApiDocument.DEFAULT_SERVER_URL);
        if (!composed.missing().isEmpty()) {
            throw new IllegalStateException("Not every document could be read: " + composed.missing());
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, Json.pretty(composed.document()));
    }

    private static String ownDocument() throws IOException {
        try (InputStream in = BuildTimeDocument.class.getClassLoader().getResourceAsStream(
                SourceDocuments.OWN_DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(SourceDocuments.OWN_DOCUMENT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
