package org.ipdex.search.rebuild;

import org.ipdex.search.consume.FeedConsumer;
import org.ipdex.search.consume.FeedConsumers;
import org.ipdex.search.consume.FeedFollower;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.index.IndexDefinition;
import org.ipdex.search.index.IndexManager;
import org.ipdex.search.index.IndexTargets;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One rebuild: create the new indices (no refresh, no replica), read the feeds from 0 into them under a checkpoint
 * of their own while the live consumers keep the old indices current, restore the settings, then — with the live
 * consumers paused between two of their steps — apply the last few events, move every alias in one request and
 * hand the rebuild's position to the live consumers. The old indices are dropped a moment later. Any failure
 * leaves the live indices as they were and deletes the new ones.
 */
final class Rebuild implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

    private final String id;
    private final String reason;
    private final Dependencies deps;
    private final Instant startedAt = Instant.now();
    private final Map<IndexDefinition, String> targets = new LinkedHashMap<>();
    private final Map<String, FeedFollower> followers = new LinkedHashMap<>();
    private volatile String state = "building";
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile boolean cancelled;
    private final Set<String> held = new HashSet<>();

    record Dependencies(IndexManager indexManager, IndexBuilds builds, Indices indices, FeedConsumers consumers,
                        RebuildProperties settings) {
    }

    Rebuild(String id, String reason, Dependencies deps) {
        this.id = id;
        this.reason = reason;
        this.deps = deps;
        for (IndexDefinition index : IndexDefinition.rebuilt()) {
            targets.put(index, deps.indices().concrete(index, id));
        }
    }

    RebuildStatus status() {
        List<RebuildStatus.FeedProgress> feeds = new ArrayList<>();
        synchronized (followers) {
            followers.forEach((feed, follower) -> {
                long applied = follower.lag().checkpoint();
                long head = Math.max(applied, follower.lag().head());
                feeds.add(new RebuildStatus.FeedProgress(feed, applied, head,
                        head == 0 ? 100.0 : Math.round(1000.0 * applied / head) / 10.0));
            });
        }
        Map<String, String> indices = new LinkedHashMap<>();
        targets.forEach((index, name) -> indices.put(deps.indices().alias(index), name));
        return new RebuildStatus(id, state, reason, startedAt, finishedAt, indices, feeds, error);
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        LOG.info("Rebuild {} ({}) into {}", id, reason, targets.values());
        try {
            retrying(() -> {
                deps.indexManager().ensureAll();
                OrphanIndices.drop(deps.builds(), deps.indices(), Set.copyOf(targets.values()));
                for (IndexDefinition index : targets.keySet()) {
                    deps.builds().createForBuild(targets.get(index), index.mappingResource());
                }
                return null;
            });
            IndexTargets into = new IndexTargets(targets.get(IndexDefinition.APIS), targets.get(IndexDefinition.OPERATIONS));
            List<FeedConsumer> consumers = new ArrayList<>();
            for (String feed : deps.settings().feeds()) {
                FeedConsumer consumer = deps.consumers().named(feed)
                        .orElseThrow(() -> new IllegalStateException("No feed named " + feed));
                consumers.add(consumer);
                synchronized (followers) {
                    followers.put(feed, consumer.follower(feed + "@" + id, into));
                }
            }
            for (FeedFollower follower : followers.values()) {
                catchUp(follower);
            }
            retrying(() -> {
                for (String name : targets.values()) {
                    deps.builds().finishBuild(name);
                }
                return null;
            });
            state = "swapping";
            Set<String> previous = pausedWhile(consumers, 0, this::swap);
            for (FeedFollower follower : followers.values()) {
                follower.forget();
            }
            Thread.sleep(deps.settings().dropDelay().toMillis());
            deps.builds().delete(previous);
            state = "done";
            LOG.info("Rebuild {} done: aliases moved onto {}", id, targets.values());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(e);
        } finally {
            finishedAt = Instant.now();
        }
    }

    /** Runs in the pause of every live consumer: the last events, the atomic alias move, the hand-over. */
    private Set<String> swap() throws IOException, InterruptedException {
        for (FeedFollower follower : followers.values()) {
            while (follower.step()) {
                // the events that arrived since the catch-up; a handful
            }
        }
        hold(deps.settings().holdBeforeSwap(), "the alias move");
        List<IndexBuilds.AliasMove> moves = new ArrayList<>();
        for (Map.Entry<IndexDefinition, String> target : targets.entrySet()) {
            moves.add(deps.builds().moveAll(deps.indices().alias(target.getKey()), target.getValue()));
        }
        Set<String> previous = deps.builds().swap(moves);
        deps.indexManager().rebuilt();
        for (Map.Entry<String, FeedFollower> follower : followers.entrySet()) {
            follower.getValue().saveAs(follower.getKey());
        }
        return previous;
    }

    private <T> T pausedWhile(List<FeedConsumer> consumers, int from, Callable<T> work) throws Exception {
        if (from == consumers.size()) {
            return work.call();
        }
        return consumers.get(from).pausedWhile(() -> pausedWhile(consumers, from + 1, work));
    }

    /** Reads until a page is not full: the live consumers keep the old indices current meanwhile. */
    private void catchUp(FeedFollower follower) throws Exception {
        retrying(() -> {
            boolean more = follower.step();
            hold(deps.settings().holdWhileCopying(), "copying on");
            while (more) {
                if (cancelled) {
                    throw new InterruptedException("cancelled");
                }
                more = follower.step();
            }
            return null;
        });
    }

    /** The fault tests' way into a window that is otherwise milliseconds wide; never set in production. */
    private void hold(Duration time, String before) throws InterruptedException {
        if (!time.isZero() && !held.contains(before)) {
            held.add(before);
            LOG.warn("Rebuild {}: holding {} before {} (ipdex.rebuild.hold-*: fault tests only)", id, time, before);
            Thread.sleep(time.toMillis());
        }
    }

    private void retrying(Callable<Void> step) throws Exception {
        long wait = 200;
        for (int failures = 0; ; ) {
            try {
                step.call();
                return;
            } catch (IOException | RuntimeException e) {
                if (++failures >= deps.settings().maxFailures() || cancelled) {
                    throw e;
                }
                LOG.warn("Rebuild {}: {}; retrying", id, e.toString());
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 10_000);
            }
        }
    }

    private void fail(Exception e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        state = "failed";
        LOG.error("Rebuild {} failed; the live indices are unchanged", id, e);
        try {
            // a failure after the swap (dropping the old indices) must not delete the now live ones
            for (Map.Entry<IndexDefinition, String> target : targets.entrySet()) {
                if (!deps.builds().indicesOf(deps.indices().alias(target.getKey())).contains(target.getValue())) {
                    deps.builds().delete(List.of(target.getValue()));
                }
            }
            for (FeedFollower follower : followers.values()) {
                follower.forget();
            }
        } catch (Exception cleanup) {
            LOG.warn("Rebuild {}: cleaning up failed: {}", id, cleanup.toString());
        }
    }
}
