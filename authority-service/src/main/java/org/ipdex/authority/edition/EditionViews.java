package org.ipdex.authority.edition;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.ipdex.common.page.Page;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Editions as the API shows them: stored rows, their JSON documents, and live progress of a running ingest. */
@Singleton
class EditionViews {

    private final EditionStore store;
    private final IngestProgress progress;
    private final JsonMapper json;

    EditionViews(EditionStore store, IngestProgress progress, JsonMapper json) {
        this.store = store;
        this.progress = progress;
        this.json = json;
    }

    public Edition edition(long editionId) {
        return store.find(editionId).orElseThrow(() -> new NotFoundException("No edition " + editionId));
    }

    public EditionResponse get(long editionId) {
        return view(edition(editionId));
    }

    public String report(long editionId) {
        return edition(editionId).reportJson().orElseThrow(() -> new NotFoundException(
                "Edition " + editionId + " is still being read: its report is not ready"));
    }

    public Page<EditionResponse> list(String office, String cursor, int limit) {
        long before;
        try {
            before = cursor == null ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter("cursor", "not a cursor of this listing");
        }
        List<Edition> page = store.list(office, before, limit);
        String next = page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    private EditionResponse view(Edition edition) {
        JsonNode summary = edition.summaryJson().map(this::parse).orElse(null);
        return EditionResponse.of(edition, summary, progress.of(edition.id()).orElse(null));
    }

    private JsonNode parse(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
