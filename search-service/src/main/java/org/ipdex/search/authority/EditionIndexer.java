package org.ipdex.search.authority;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.inject.Singleton;
import org.elasticsearch.client.RestClient;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads one authority edition into a fresh index {@code authority-<office>-e<editionId>} and moves the office's
 * aliases onto it. Readers use the aliases, so they see the previous edition until the very last step and then
 * the whole new one: never half an edition.
 */
@Singleton
public class EditionIndexer {

    static final String MAPPING = "index/authority-v2.json";
    private static final Logger LOG = LoggerFactory.getLogger(EditionIndexer.class);
    private static final Pattern EDITION = Pattern.compile("-e(\\d+)$");

    private final ElasticsearchClient client;
    private final RestClient restClient;
    private final Indices indices;
    private final IndexBuilds builds;
    private final EditionRecords records;
    private final AuthorityIndexingProperties settings;
    private final AtomicLong indexedTotal = new AtomicLong();

    EditionIndexer(ElasticsearchClient client, RestClient restClient, Indices indices, IndexBuilds builds,
                   EditionRecords records, AuthorityIndexingProperties settings) {
        this.client = client;
        this.restClient = restClient;
        this.indices = indices;
        this.builds = builds;
        this.records = records;
        this.settings = settings;
    }

    /**
     * Drops every edition's index, and the aliases with them. For a replaced authority feed: its edition ids start
     * again at 1, so its activations, read from 0, would be skipped as older than the editions still live.
     */
    public void forgetAll() throws IOException {
        builds.delete(builds.matching(indices.authority() + "-*"));
    }

    /** Records written by this process since it started, for the indexing-rate metric. */
    public long indexedTotal() {
        return indexedTotal.get();
    }

    /**
     * Idempotent: an edition already live is left alone, and an event older than the live edition (a replay) is
     * ignored. A failure leaves the live edition untouched and throws, so the feed consumer retries.
     *
     * @return records indexed; 0 when nothing was done
     */
    public long index(EditionActivated edition) throws IOException {
        String officeAlias = indices.authority(edition.office());
        String target = indices.authorityEdition(edition.office(), edition.editionId());
        Set<String> live = builds.indicesOf(officeAlias);
        if (live.contains(target)) {
            return 0;
        }
        Optional<Long> newest = live.stream().map(EditionIndexer::editionOf).flatMap(Optional::stream)
                .max(Long::compare);
        if (newest.isPresent() && newest.get() > edition.editionId()) {
            LOG.info("Edition {} of {} is older than the indexed edition {}; skipped", edition.editionId(),
                    edition.office(), newest.get());
            return 0;
        }
        long started = System.nanoTime();
        builds.createForBuild(target, MAPPING);
        long count;
        try {
            count = load(edition, target);
            builds.finishBuild(target);
            long stored = client.count(c -> c.index(target)).count();
            if (stored != count) {
                throw new IOException("Index " + target + " holds " + stored + " records, " + count + " were sent");
            }
        } catch (IOException | RuntimeException e) {
            builds.delete(List.of(target));
            throw e;
        }
        Set<String> previous = builds.swap(List.of(
                new IndexBuilds.AliasMove(officeAlias, target, live),
                new IndexBuilds.AliasMove(indices.authority(), target, live)));
        LOG.info("Edition {} of {} is searchable: {} records in {} s", edition.editionId(), edition.office(), count,
                (System.nanoTime() - started) / 1_000_000_000.0);
        dropLater(previous);
        return count;
    }

    private long load(EditionActivated edition, String target) throws IOException {
        BulkWriter writer = new BulkWriter(restClient, target, settings);
        try (writer) {
            records.stream(edition.editionId(), record -> AuthorityDocuments.of(record, edition.office())
                    .ifPresent(entry -> {
                        try {
                            writer.add(AuthorityDocuments.json(entry));
                        } catch (IOException e) {
                            // the cluster refused writes: stop reading the stream, the edition is retried whole
                            throw new UncheckedIOException(e);
                        }
                        if (writer.sent() > 0 && writer.sent() % 1_000_000 == 0) {
                            LOG.info("Edition {} of {}: {} records sent", edition.editionId(), edition.office(),
                                    writer.sent());
                        }
                    }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        indexedTotal.addAndGet(writer.sent());
        return writer.sent();
    }

    /**
     * A search that resolved the alias just before the swap may still be reading the old index; give it a moment.
     */
    private void dropLater(Set<String> previous) {
        if (previous.isEmpty()) {
            return;
        }
        Thread dropper = new Thread(() -> {
            try {
                Thread.sleep(settings.dropDelay().toMillis());
                builds.delete(previous);
            } catch (Exception e) {
                LOG.warn("Could not delete the previous edition's index {}: {}", previous, e.toString());
            }
        }, "drop-old-edition");
        dropper.setDaemon(true);
        dropper.start();
    }

    static Optional<Long> editionOf(String index) {
        Matcher matcher = EDITION.matcher(index);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
