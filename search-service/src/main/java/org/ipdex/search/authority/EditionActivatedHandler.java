package org.ipdex.search.authority;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.search.consume.ChangeHandler;
import org.ipdex.search.index.IndexDefinition;
import org.ipdex.search.index.IndexTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code edition.activated}: only the newest activation per office in a page matters, since each edition is a
 * complete record set. Runs on the authority feed's own consumer thread: loading an edition takes minutes and
 * must not hold up the catalog feed.
 */
@Singleton
final class EditionActivatedHandler implements ChangeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EditionActivatedHandler.class);

    private final EditionIndexer indexer;
    private final JsonMapper json;

    EditionActivatedHandler(EditionIndexer indexer, JsonMapper json) {
        this.indexer = indexer;
        this.json = json;
    }

    @Override
    public String eventType() {
        return EditionActivated.TYPE;
    }

    /** Each edition gets a fresh index of the current mapping, so nothing here waits for a rebuild. */
    @Override
    public Set<IndexDefinition> writes() {
        return Set.of();
    }

    @Override
    public void apply(List<ChangeEvent> events, IndexTargets targets) throws IOException {
        Map<String, EditionActivated> newest = new LinkedHashMap<>();
        for (ChangeEvent event : events) {
            EditionActivated read = json.readValueFromTree(event.data(), EditionActivated.class);
            String office = read.office().strip().toUpperCase(Locale.ROOT);
            EditionActivated edition = new EditionActivated(read.editionId(), office, read.category(),
                    read.recordCount(), read.producedOn());
            newest.merge(office, edition, (a, b) -> b.editionId() >= a.editionId() ? b : a);
        }
        for (EditionActivated edition : newest.values()) {
            try {
                indexer.index(edition);
            } catch (EditionRecords.EditionGoneException e) {
                // superseded before we got to it: the activation of its successor follows in the feed
                LOG.info("{}; skipped", e.getMessage());
            }
        }
    }
}
