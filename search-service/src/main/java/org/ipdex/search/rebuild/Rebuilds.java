package org.ipdex.search.rebuild;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.common.problem.UnavailableException;
import org.ipdex.search.consume.FeedConsumers;
import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.index.IndexManager;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts rebuilds, one at a time, each on its own thread (it outlives the request that started it), and keeps
 * the recent ones for their status. At start-up it checks the live mapping versions and rebuilds by itself when
 * this code's mapping is newer.
 */
@Singleton
public class Rebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuilds.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);
    private static final int KEPT = 20;
    private static final Duration FOLLOWER_CHECK = Duration.ofSeconds(1);

    private final Rebuild.Dependencies dependencies;
    private final Map<String, Rebuild> recent = new LinkedHashMap<>();
    private Rebuild current;
    private Thread startupCheck;

    Rebuilds(IndexManager indexManager, IndexBuilds builds, Indices indices, FeedConsumers consumers,
             RebuildProperties settings) {
        this.dependencies = new Rebuild.Dependencies(indexManager, builds, indices, consumers, settings);
    }

    /**
     * @throws ConflictException    while another rebuild is running
     * @throws UnavailableException on a replica that does not follow the feeds: the swap must not race the events
     *                              that the replica following them applies meanwhile
     */
    public synchronized RebuildStatus start(String reason) {
        FeedConsumers consumers = dependencies.consumers();
        if (!consumers.followedHere()) {
            throw new UnavailableException("Rebuilds run on the replica that follows the change feeds ("
                    + consumers.followedBy() + "); this is another one. Retry: the next request may reach it");
        }
        if (current != null && !current.status().finished()) {
            throw new ConflictException("Rebuild " + current.status().rebuildId() + " is still running");
        }
        String id = ID.format(Instant.now());
        Rebuild rebuild = new Rebuild(id, reason, dependencies);
        current = rebuild;
        recent.put(id, rebuild);
        if (recent.size() > KEPT) {
            recent.remove(recent.keySet().iterator().next());
        }
        Thread thread = new Thread(rebuild, "rebuild-" + id);
        thread.setDaemon(true);
        thread.start();
        return rebuild.status();
    }

    /** @throws UnavailableException for a rebuild unknown here, on a replica that does not follow the feeds */
    public synchronized Optional<RebuildStatus> status(String rebuildId) {
        Optional<RebuildStatus> status = Optional.ofNullable(recent.get(rebuildId)).map(Rebuild::status);
        FeedConsumers consumers = dependencies.consumers();
        if (status.isEmpty() && !consumers.followedHere()) {
            throw new UnavailableException("Rebuilds are kept by the replica that follows the change feeds ("
                    + consumers.followedBy() + "); this is another one. Retry: the next request may reach it");
        }
        return status;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        startupCheck = new Thread(this::rebuildIfOutdated, "rebuild-check");
        startupCheck.setDaemon(true);
        startupCheck.start();
    }

    @PreDestroy
    void stop() {
        if (startupCheck != null) {
            startupCheck.interrupt();
        }
        Rebuild running;
        synchronized (this) {
            running = current;
        }
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * A rebuild the previous process did not live to finish left indices nobody points at; no rebuild of this
     * process can be running yet unless an administrator was quicker, and then its indices are its own.
     */
    private synchronized void dropOrphans() throws IOException {
        if (current == null || current.status().finished()) {
            OrphanIndices.drop(dependencies.builds(), dependencies.indices(), Set.of());
        }
    }

    /**
     * Waits for the cluster like the consumers do, and until this replica follows the feeds (what another replica
     * left unfinished is only an orphan once that replica has gone); then clears what an unfinished rebuild left,
     * and a mapping older than this code's starts a rebuild.
     */
    private void rebuildIfOutdated() {
        long wait = 200;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                dependencies.indexManager().ensureAll();
                if (!dependencies.consumers().followedHere()) {
                    Thread.sleep(FOLLOWER_CHECK.toMillis());
                    continue;
                }
                dropOrphans();
                if (!dependencies.indexManager().outdated().isEmpty()) {
                    LOG.info("Live indices {} have an older mapping: rebuilding",
                            dependencies.indexManager().outdated());
                    start("mapping");
                }
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = Math.min(wait * 2, 30_000);
            }
        }
    }
}
