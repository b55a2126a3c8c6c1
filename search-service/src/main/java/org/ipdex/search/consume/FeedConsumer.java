package org.ipdex.search.consume;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ipdex.common.feed.ChangeEvent;
import org.ipdex.search.index.IndexManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Follows one change feed on its own thread: read a page after the checkpoint, apply it, store the new
 * checkpoint, repeat. Any failure (feed or Elasticsearch unreachable, a rejected write) is retried with
 * exponential back-off from the same checkpoint, so an event is never skipped and the thread never dies.
 * A crash between applying a page and storing its checkpoint re-applies that page, which the handlers'
 * external versions make harmless.
 */
@EachBean(FeedProperties.class)
public final class FeedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

    private final FeedProperties feed;
    private final ConsumeProperties settings;
    private final IndexManager indexManager;
    private final Checkpoints checkpoints;
    private final Map<String, ChangeHandler> handlers;
    private final FeedClient client;
    private final FeedLag lag;
    private volatile boolean running;
    private Thread thread;
    private Checkpoint checkpoint;

    FeedConsumer(@Parameter FeedProperties feed, ConsumeProperties settings, IndexManager indexManager,
                 Checkpoints checkpoints, List<ChangeHandler> handlers, Infrastructure infrastructure) {
        this.feed = feed;
        this.settings = settings;
        this.indexManager = indexManager;
        this.checkpoints = checkpoints;
        this.handlers = handlers.stream().collect(Collectors.toMap(ChangeHandler::eventType, Function.identity()));
        this.client = new FeedClient(infrastructure.httpClient(feed.url(), settings), infrastructure.json());
        this.lag = new FeedLag(feed.name(), Clock.systemUTC());
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
        return lag;
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

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
            thread = null;
            LOG.info("Stopped following feed {} at seq {}", feed.name(), checkpoint == null ? "?" : checkpoint.seq());
        }
        client.close();
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        boolean failing = false;
        while (running) {
            try {
                boolean more = step();
                lag.succeeded();
                if (failing) {
                    LOG.info("Feed {} is being followed again from seq {}", feed.name(), checkpoint.seq());
                    failing = false;
                }
                backoff.reset();
                if (!more) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                lag.failed(reason);
                // one warning per outage, not one per retry: a feed that does not exist yet retries for hours
                if (!failing) {
                    LOG.warn("Feed {} at seq {}: {}; retrying with back-off", feed.name(),
                            checkpoint == null ? "?" : checkpoint.seq(), reason);
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

    /** @return whether the feed had a full page, so the next one follows without waiting */
    private boolean step() throws Exception {
        indexManager.ensureAll();
        if (checkpoint == null) {
            checkpoint = checkpoints.load(feed.name()).orElse(Checkpoint.start(feed.name()));
            lag.resumedAt(checkpoint);
            LOG.info("Following feed {} at {} from seq {}", feed.name(), feed.url(), checkpoint.seq());
        }
        FeedPage page = client.read(checkpoint.seq(), settings.batchSize());
        lag.polled(page.head());
        List<ChangeEvent> events = page.events().stream().filter(event -> event.seq() > checkpoint.seq()).toList();
        if (events.isEmpty()) {
            return false;
        }
        apply(events);
        ChangeEvent last = events.get(events.size() - 1);
        Checkpoint next = new Checkpoint(feed.name(), last.seq(), last.at() == null ? null : last.at().toString(),
                Instant.now().toString());
        checkpoints.save(next);
        checkpoint = next;
        lag.applied(next);
        return page.events().size() >= settings.batchSize();
    }

    /** Runs of one event type go to its handler together, so each can write them in one bulk request. */
    private void apply(List<ChangeEvent> events) throws Exception {
        int from = 0;
        while (from < events.size()) {
            String type = events.get(from).type();
            int to = from;
            while (to < events.size() && events.get(to).type().equals(type)) {
                to++;
            }
            ChangeHandler handler = handlers.get(type);
            if (handler != null) {
                handler.apply(events.subList(from, to));
            } else {
                // an event this version does not index yet; a rebuild from 0 picks it up once it does
                LOG.debug("Feed {}: no handler for {} (seq {}..{})", feed.name(), type, events.get(from).seq(),
                        events.get(to - 1).seq());
            }
            from = to;
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

        Infrastructure(HttpClientRegistry<HttpClient> clients, BeanContext context, JsonMapper json,
                       MeterRegistry meters) {
            this.clients = clients;
            this.context = context;
            this.json = json;
            this.meters = meters;
        }

        JsonMapper json() {
            return json;
        }

        MeterRegistry meters() {
            return meters;
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
