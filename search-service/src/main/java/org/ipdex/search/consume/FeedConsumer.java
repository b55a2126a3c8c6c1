package org.ipdex.search.consume;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.IdentityTokens;
import org.ipdex.search.index.IndexManager;
import org.ipdex.search.index.IndexTargets;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows one change feed on its own thread (so a minutes-long authority edition never holds up the catalog
 * feed): read a page after the checkpoint, apply it, store the new checkpoint, repeat. Any failure (feed or
 * Elasticsearch unreachable, a rejected write) is retried with exponential back-off from the same checkpoint, so
 * an event is never skipped and the thread never dies. A crash between applying a page and storing its
 * checkpoint re-applies that page, which the handlers' external versions make harmless.
 */
@EachBean(FeedProperties.class)
public final class FeedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

    private final FeedProperties feed;
    private final ConsumeProperties settings;
    private final IndexManager indexManager;
    private final FeedFollower.Source source;
    private final FeedFollower follower;
    private final ApplicationEventPublisher<FeedReset> resets;
    private final FeedLease lease;
    /** Held for each step, so a rebuild can move the checkpoint between two steps. */
    private final ReentrantLock stepping = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    FeedConsumer(@Parameter FeedProperties feed, ConsumeProperties settings, IndexManager indexManager,
                 Checkpoints checkpoints, List<ChangeHandler> handlers, Infrastructure infrastructure) {
        this.feed = feed;
        this.settings = settings;
        this.indexManager = indexManager;
        this.source = new FeedFollower.Source(feed.name(), new FeedClient(infrastructure.httpClient(feed.url(),
                settings), infrastructure.json(), infrastructure.tokens()), handlers.stream().collect(Collectors.toMap(ChangeHandler::eventType,
                Function.identity())), checkpoints, settings.batchSize());
        FeedLag lag = new FeedLag(feed.name(), Clock.systemUTC());
        this.follower = new FeedFollower(source, feed.name(), infrastructure.indices().live(), indexManager::outdated,
                lag);
        this.resets = infrastructure.resets;
        this.lease = infrastructure.lease;
        Gauge.builder("ipdex.feed.events.behind", lag, FeedLag::eventsBehind).tag("feed", feed.name())
                .description("Events in the feed not yet applied to the indices").register(infrastructure.meters());
        Gauge.builder("ipdex.feed.seconds.behind", lag, FeedLag::secondsBehind).tag("feed", feed.name())
                .description("Age of the last applied event while behind; 0 when caught up")
                .baseUnit("seconds").register(infrastructure.meters());
    }

    public String name() {
        return feed.name();
    }

    public boolean enabled() {
        return feed.enabled();
    }

    public FeedLag lag() {
        return follower.lag();
    }

    /** A follower of the same feed into other indices under its own checkpoint, stepped by the caller's thread. */
    public FeedFollower follower(String checkpointId, IndexTargets targets) {
        return new FeedFollower(source, checkpointId, targets, Set::of, new FeedLag(checkpointId, Clock.systemUTC()));
    }

    /**
     * Runs {@code work} between two steps of this consumer, which then reads its checkpoint again: the way a
     * rebuild hands over its position without racing a step that is saving the old one.
     */
    public <T> T pausedWhile(Callable<T> work) throws Exception {
        stepping.lock();
        try {
            return work.call();
        } finally {
            follower.reload();
            stepping.unlock();
        }
    }

    /**
     * Reads the feed again from 0, after {@code forget} has dropped what was indexed from it: what a replaced feed
     * needs when its indices are not rebuilt.
     */
    public void replayFromStart(Callable<?> forget) throws Exception {
        pausedWhile(() -> {
            forget.call();
            follower.forget();
            return null;
        });
    }

    synchronized void start() {
        if (thread != null || !feed.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "feed-" + feed.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops following; called by {@link FeedConsumers} before it gives up the lease, and at shutdown. */
    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
            thread = null;
            LOG.info("Stopped following feed {} at seq {}", feed.name(), follower.lag().checkpoint());
        }
        source.client().close();
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        boolean failing = false;
        boolean replaced = false;
        boolean standby = true;
        while (running) {
            try {
                if (!lease.held()) {
                    standby = true;
                    lease.heldElsewhere().ifPresentOrElse(holder -> lag().standby(holder),
                            () -> lag().failed("this replica does not hold the feed lease: not claimed yet, or "
                                    + "Elasticsearch cannot be reached to renew it"));
                    if (!sleep(settings.pollInterval())) {
                        return;
                    }
                    continue;
                }
                if (standby) {
                    // another replica may have moved the checkpoint while this one was not following
                    follower.reload();
                    standby = false;
                }
                boolean more = step();
                lag().succeeded();
                if (failing) {
                    LOG.info("Feed {} is being followed again from seq {}", feed.name(), lag().checkpoint());
                    failing = false;
                }
                backoff.reset();
                replaced = false;
                if (!more) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (FeedResetException e) {
                askForReset(e, !replaced);
                replaced = true;
                if (!sleep(settings.pollInterval())) {
                    return;
                }
            } catch (RebuildPendingException e) {
                lag().waiting(e.getMessage());
                if (!sleep(settings.pollInterval())) {
                    return;
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                lag().failed(reason);
                // one warning per outage, not one per retry: a feed that does not exist yet retries for hours
                if (!failing) {
                    LOG.warn("Feed {} at seq {}: {}; retrying with back-off", feed.name(), lag().checkpoint(), reason);
                    failing = true;
                } else {
                    LOG.debug("Feed {} still failing: {}", feed.name(), reason);
                }
                if (!sleep(backoff.next())) {
                    return;
                }
            }
        }
    }

    /** Logged once per replacement, asked on every poll until a listener has made the indices whole again. */
    private void askForReset(FeedResetException replaced, boolean first) {
        lag().waiting(replaced.getMessage());
        if (first) {
            LOG.warn("{}; its indices are made again from the new feed", replaced.getMessage());
        }
        try {
            resets.publishEvent(new FeedReset(feed.name()));
        } catch (RuntimeException listenerFailed) {
            // Elasticsearch away, say: the next poll finds the feed replaced still and asks again
            LOG.warn("Feed {}: making its indices again failed: {}", feed.name(), listenerFailed.toString());
        }
    }

    private boolean step() throws Exception {
        indexManager.ensureAll();
        stepping.lockInterruptibly();
        try {
            return follower.step();
        } finally {
            stepping.unlock();
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What every consumer needs from the framework, bundled to keep the constructor short. */
    @Singleton
    static final class Infrastructure {

        private final HttpClientRegistry<HttpClient> clients;
        private final BeanContext context;
        private final JsonMapper json;
        private final MeterRegistry meters;
        private final Indices indices;
        private final IdentityTokens tokens;
        private final ApplicationEventPublisher<FeedReset> resets;
        private final FeedLease lease;

        Infrastructure(HttpClientRegistry<HttpClient> clients, BeanContext context, JsonMapper json,
                       MeterRegistry meters, Indices indices, IdentityTokens tokens,
                       ApplicationEventPublisher<FeedReset> resets, FeedLease lease) {
            this.clients = clients;
            this.context = context;
            this.json = json;
            this.meters = meters;
            this.indices = indices;
            this.tokens = tokens;
            this.resets = resets;
            this.lease = lease;
        }

        IdentityTokens tokens() {
            return tokens;
        }

        JsonMapper json() {
            return json;
        }

        MeterRegistry meters() {
            return meters;
        }

        Indices indices() {
            return indices;
        }

        HttpClient httpClient(String url, ConsumeProperties settings) {
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setMaxContentLength(settings.maxPageBytes());
            configuration.setReadTimeout(Duration.ofSeconds(30));
            configuration.setConnectTimeout(Duration.ofSeconds(5));
            return clients.resolveClient(null, LoadBalancer.fixed(URI.create(url)), configuration, context);
        }
    }
}
