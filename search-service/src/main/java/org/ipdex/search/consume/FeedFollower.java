package org.ipdex.search.consume;

import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.search.index.IndexDefinition;
import org.ipdex.search.index.IndexTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One pass of following a feed: read a page after the checkpoint, apply it to the targets, store the new
 * checkpoint. The live consumer repeats it forever into the aliases; a rebuild repeats it from 0 into new
 * indices under a checkpoint of its own. Not thread-safe: one thread steps it at a time.
 */
public final class FeedFollower {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFollower.class);

    private final String feed;
    private final String checkpointId;
    private final FeedClient client;
    private final Map<String, ChangeHandler> handlers;
    private final Checkpoints checkpoints;
    private final IndexTargets targets;
    private final int batchSize;
    private final Supplier<Set<IndexDefinition>> blocked;
    private final FeedLag lag;
    private Checkpoint checkpoint;

    /** @param blocked indices that must not be written now (the live ones while a rebuild replaces their mapping) */
    FeedFollower(Source source, String checkpointId, IndexTargets targets, Supplier<Set<IndexDefinition>> blocked,
                 FeedLag lag) {
        this.feed = source.feed();
        this.checkpointId = checkpointId;
        this.client = source.client();
        this.handlers = source.handlers();
        this.checkpoints = source.checkpoints();
        this.batchSize = source.batchSize();
        this.targets = targets;
        this.blocked = blocked;
        this.lag = lag;
    }

    /** What every follower of one feed shares. */
    record Source(String feed, FeedClient client, Map<String, ChangeHandler> handlers, Checkpoints checkpoints,
                  int batchSize) {
    }

    public FeedLag lag() {
        return lag;
    }

    /** @return whether the feed had a full page, so the next one follows without waiting */
    public boolean step() throws IOException {
        if (checkpoint == null) {
            checkpoint = checkpoints.load(checkpointId).orElse(Checkpoint.start(checkpointId));
            lag.resumedAt(checkpoint);
            LOG.info("Following feed {} as {} from seq {}", feed, checkpointId, checkpoint.seq());
        }
        FeedPage page = client.read(checkpoint.seq(), batchSize);
        if (page.replaces(checkpoint)) {
            throw new FeedResetException(feed, checkpoint, page);
        }
        lag.polled(page.head());
        List<ChangeEvent> events = page.events().stream().filter(event -> event.seq() > checkpoint.seq()).toList();
        if (events.isEmpty()) {
            return false;
        }
        apply(events);
        ChangeEvent last = events.get(events.size() - 1);
        Checkpoint next = new Checkpoint(checkpointId, last.seq(), last.at() == null ? null : last.at().toString(),
                Instant.now().toString(), page.feedId());
        checkpoints.save(next);
        checkpoint = next;
        lag.applied(next);
        return page.events().size() >= batchSize;
    }

    /** The last applied event's seq, 0 before the first. */
    public long position() throws IOException {
        if (checkpoint == null) {
            return checkpoints.load(checkpointId).map(Checkpoint::seq).orElse(0L);
        }
        return checkpoint.seq();
    }

    /** Another component moved the stored checkpoint: read it again before the next page. */
    void reload() {
        checkpoint = null;
    }

    /** Hands this follower's position to the checkpoint {@code id} (a rebuild's position becomes the live one). */
    public void saveAs(String id) throws IOException {
        Checkpoint current = checkpoints.load(checkpointId).orElse(Checkpoint.start(checkpointId));
        checkpoints.save(new Checkpoint(id, current.seq(), current.at(), Instant.now().toString(),
                current.feedId()));
    }

    public void forget() throws IOException {
        checkpoints.delete(checkpointId);
    }

    /** Runs of one event type go to its handler together, so each can write them in one bulk request. */
    private void apply(List<ChangeEvent> events) throws IOException {
        int from = 0;
        while (from < events.size()) {
            String type = events.get(from).type();
            int to = from;
            while (to < events.size() && events.get(to).type().equals(type)) {
                to++;
            }
            ChangeHandler handler = handlers.get(type);
            if (handler == null) {
                // an event this version does not index yet; a rebuild from 0 picks it up once it does
                LOG.debug("Feed {}: no handler for {} (seq {}..{})", feed, type, events.get(from).seq(),
                        events.get(to - 1).seq());
            } else if (!Collections.disjoint(handler.writes(), blocked.get())) {
                throw new RebuildPendingException("waiting for a rebuild of " + handler.writes()
                        + " to the current mapping");
            } else {
                handler.apply(events.subList(from, to), targets);
            }
            from = to;
        }
    }
}
