package org.ipdex.search.consume;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ipdex.search.index.IndexManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Starts every configured consumer once the application is up (none of them delays start-up), and keeps the
 * {@link FeedLease} that lets them step on one replica only: claimed before the first step, renewed on a thread of
 * its own, so that a minutes-long edition does not let it lapse, and given up only after the consumers have stopped.
 */
@Singleton
public class FeedConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumers.class);

    private final List<FeedConsumer> consumers;
    private final FeedLease lease;
    private final IndexManager indexManager;
    private volatile String holder = "nobody yet";
    private Thread renewal;

    FeedConsumers(List<FeedConsumer> consumers, FeedLease lease, IndexManager indexManager) {
        this.consumers = consumers;
        this.lease = lease;
        this.indexManager = indexManager;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (consumers.stream().noneMatch(FeedConsumer::enabled)) {
            return;
        }
        renewal = new Thread(this::keepTheLease, "feed-lease");
        renewal.setDaemon(true);
        renewal.start();
        consumers.forEach(FeedConsumer::start);
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (renewal == null) {
            return;
        }
        renewal.interrupt();
        renewal.join(5_000);
        for (FeedConsumer consumer : consumers) {
            consumer.stop();
        }
        lease.release();
        renewal = null;
    }

    public List<FeedConsumer> all() {
        return consumers;
    }

    public Optional<FeedConsumer> named(String feed) {
        return consumers.stream().filter(consumer -> consumer.name().equals(feed)).findFirst();
    }

    /** Whether the feeds are followed here; a rebuild runs only where they are. */
    public boolean followedHere() {
        return lease.held();
    }

    /** The replica that follows the feeds, as last seen from here. */
    public String followedBy() {
        return lease.held() ? lease.replica() : holder;
    }

    /** Claims at a fixed rate: a slow claim does not push the next one back. */
    private void keepTheLease() {
        boolean failing = false;
        long period = lease.renewEvery().toNanos();
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                indexManager.ensureAll();
                holder = lease.claim();
                failing = false;
            } catch (IOException | RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                    return;
                }
                // the lease lapses by itself while Elasticsearch cannot be reached; the consumers pause with it
                if (!failing) {
                    LOG.warn("Cannot claim or renew the feed lease: {}", e.toString());
                    failing = true;
                }
            }
            next += period;
            long wait = Math.max(0, next - System.nanoTime());
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
