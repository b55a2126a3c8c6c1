package org.ipdex.authority.edition;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of the ingests running in this process, shown by {@code GET /editions/{id}} while one runs: the ingest
 * writes it as it reads, the edition views read it.
 */
@Singleton
public final class IngestProgress {

    /**
     * @param stage         waiting (another edition of the office is being built), reading, indexing, activating
     * @param rowsDone      entries read so far
     * @param rowsPerSecond since the start
     * @param fractionDone  of the file's bytes, when known (plain and gzip files)
     * @param etaSeconds    estimated from the fraction done
     */
    @Serdeable
    public record Snapshot(String stage, long rowsDone, long rowsPerSecond, Double fractionDone, Long etaSeconds) {
    }

    /** One running ingest, written by the ingest as it goes and read by {@link #of}. */
    public static final class Tracker {
        public final long startedNanos = System.nanoTime();
        final long fileBytes;
        public final AtomicLong bytesRead = new AtomicLong();
        public volatile long rows;
        public volatile String stage = "reading";

        Tracker(long fileBytes) {
            this.fileBytes = fileBytes;
        }
    }

    private final Map<Long, Tracker> running = new ConcurrentHashMap<>();

    public Tracker start(long editionId, long fileBytes) {
        Tracker tracker = new Tracker(fileBytes);
        running.put(editionId, tracker);
        return tracker;
    }

    public void end(long editionId) {
        running.remove(editionId);
    }

    public Optional<Snapshot> of(long editionId) {
        Tracker tracker = running.get(editionId);
        if (tracker == null) {
            return Optional.empty();
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - tracker.startedNanos) / 1e9);
        long bytes = tracker.bytesRead.get();
        Double fraction = bytes > 0 && tracker.fileBytes > 0 ? Math.min(1.0, bytes / (double) tracker.fileBytes) : null;
        Long eta = fraction == null || fraction <= 0 ? null : Math.round(seconds / fraction - seconds);
        return Optional.of(new Snapshot(tracker.stage, tracker.rows, Math.round(tracker.rows / seconds), fraction, eta));
    }
}
