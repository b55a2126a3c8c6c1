package org.ipdex.search.consume;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.elasticsearch.client.ResponseException;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes one search-service replica, of however many run, the one that follows the change feeds. Every replica can
 * answer searches, but two following the authority feed would each build the same edition index, and one would
 * delete the other's half-built copy; a rebuild on a replica whose feeds run elsewhere would swap in indices that
 * miss the events the other replica applied meanwhile.
 *
 * <p>The lease is one document in Elasticsearch, since search-service has no database: whoever finds it missing,
 * expired or already its own writes it with optimistic concurrency ({@code op_type=create}, or
 * {@code if_seq_no}/{@code if_primary_term} of the version it read), so of two replicas racing for it exactly one
 * write succeeds. The holder renews it five times per {@code ttl}; the others take it over once it has expired by
 * their clock. The holder trusts its lease for 70 % of the {@code ttl} from the moment it asked for the renewal
 * that gave it, measured on its own monotonic clock: a slow renewal (seconds, on a starved machine) does not lose
 * it, and the other 30 % are left for clock skew between replicas and for a pause.
 */
public final class FeedLease {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLease.class);
    private static final String DOCUMENT = "feeds";

    /** The lease as stored. @param expiresAt epoch milliseconds, by the holder's clock */
    record Holder(String holder, long expiresAt, String renewedAt) {
    }

    private final ElasticsearchClient client;
    private final Indices indices;
    private final String replica;
    private final Duration ttl;
    private final Clock clock;
    private volatile long trustedUntilNanos = System.nanoTime();
    private volatile boolean held;
    /** Who else holds the lease, when this replica last asked; empty when nobody else did. */
    private volatile Optional<String> elsewhere = Optional.empty();

    FeedLease(ElasticsearchClient client, Indices indices, String replica, Duration ttl, Clock clock) {
        this.client = client;
        this.indices = indices;
        this.replica = replica;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** This replica's name in the lease. */
    public String replica() {
        return replica;
    }

    /** Whether this replica may follow the feeds now. */
    public boolean held() {
        return held && System.nanoTime() - trustedUntilNanos < 0;
    }

    /** Another replica holds the lease (rather than this one failing to renew it). */
    public Optional<String> heldElsewhere() {
        return held() ? Optional.empty() : elsewhere;
    }

    /** How often {@link #claim} must start to keep a lease. */
    Duration renewEvery() {
        return ttl.dividedBy(5);
    }

    /**
     * Takes the lease if it is free or expired, renews it if it is this replica's.
     *
     * @return who holds it now, as far as this replica can tell
     * @throws IOException Elasticsearch cannot be reached; a lease not renewed lapses by itself
     */
    String claim() throws IOException {
        long asked = System.nanoTime();
        long now = clock.millis();
        Holder mine = new Holder(replica, now + ttl.toMillis(), Instant.ofEpochMilli(now).toString());
        GetResponse<Holder> current = client.get(g -> g.index(indices.leases()).id(DOCUMENT), Holder.class);
        Optional<Holder> holder = current.found() ? Optional.ofNullable(current.source()) : Optional.empty();
        if (holder.isPresent() && !holder.get().holder().equals(replica) && holder.get().expiresAt() > now) {
            lost(holder.get().holder());
            return holder.get().holder();
        }
        try {
            if (current.found()) {
                client.index(i -> i.index(indices.leases()).id(DOCUMENT).document(mine)
                        .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            } else {
                client.index(i -> i.index(indices.leases()).id(DOCUMENT).document(mine).opType(OpType.Create));
            }
        } catch (ElasticsearchException | ResponseException e) {
            if (conflict(e)) {
                // another replica wrote it between our read and our write: it won
                lost("another replica");
                return "another replica";
            }
            throw e;
        }
        trustedUntilNanos = asked + ttl.toNanos() * 7 / 10;
        if (!held) {
            LOG.info("This replica ({}) follows the change feeds now{}", replica,
                    holder.map(previous -> previous.holder().equals(replica) ? "" : ", after " + previous.holder())
                            .orElse(""));
        }
        held = true;
        elsewhere = Optional.empty();
        return replica;
    }

    /** Gives the lease up at shutdown, so that another replica need not wait for it to expire. */
    void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            GetResponse<Holder> current = client.get(g -> g.index(indices.leases()).id(DOCUMENT), Holder.class);
            if (current.found() && current.source() != null && current.source().holder().equals(replica)) {
                client.delete(d -> d.index(indices.leases()).id(DOCUMENT)
                        .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            }
        } catch (IOException | ElasticsearchException e) {
            LOG.info("Could not give the feed lease up ({}); it expires in {}", e.toString(), ttl);
        }
    }

    /**
     * A write refused because the document changed since it was read. The client reports it as an
     * {@link ElasticsearchException}, or, for a create over an existing document, as the low-level client's
     * {@link ResponseException}.
     */
    private static boolean conflict(Exception e) {
        return e instanceof ElasticsearchException error ? error.status() == 409
                : ((ResponseException) e).getResponse().getStatusLine().getStatusCode() == 409;
    }

    private void lost(String holder) {
        if (held) {
            LOG.warn("This replica ({}) no longer follows the change feeds: {} does", replica, holder);
        }
        held = false;
        elsewhere = Optional.of(holder);
    }
}
