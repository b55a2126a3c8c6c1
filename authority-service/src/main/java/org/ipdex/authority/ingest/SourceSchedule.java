package org.ipdex.authority.ingest;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.schedule.OneReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers the source URL an office uploaded from and fetches it again every {@code refetch-interval}; a file
 * with the same checksum as an accepted edition changes nothing, anything else becomes a new edition. The fetch
 * follows the same SSRF rules as the first one.
 */
@Singleton
public class SourceSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SourceSchedule.class);

    private final JdbcOperations jdbc;
    private final IngestProperties properties;
    private final SourceFetcher fetcher;
    private final IngestService ingest;
    private final TransactionOperations<Connection> transactions;
    private final OneReplica oneReplica;

    public SourceSchedule(JdbcOperations jdbc, IngestProperties properties, SourceFetcher fetcher, IngestService ingest,
                          TransactionOperations<Connection> transactions, OneReplica oneReplica) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.oneReplica = oneReplica;
    }

    private record Source(String office, String url, String layout, String category, String mapping, String uploadedBy) {
    }

    @Transactional
    public void remember(IngestRequest request, String mapping, String delimiter, String header) {
        String mappingText = mapping == null ? null : mapping + "|" + (delimiter == null ? "" : delimiter) + "|"
                + (header == null ? "" : header);
        jdbc.prepareStatement("""
                INSERT INTO edition_source (office, url, layout, category, mapping, uploaded_by, next_fetch)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (office) DO UPDATE SET url = excluded.url, layout = excluded.layout,
                    category = excluded.category, mapping = excluded.mapping, uploaded_by = excluded.uploaded_by,
                    next_fetch = excluded.next_fetch""", statement -> {
            statement.setString(1, request.office());
            statement.setString(2, request.sourceUrl().orElseThrow());
            statement.setString(3, request.layout());
            statement.setString(4, request.category().map(UpdateCategory::id).orElse(""));
            statement.setString(5, mappingText);
            statement.setString(6, request.uploader().subject());
            statement.setTimestamp(7, Timestamp.from(Instant.now().plus(properties.refetchInterval())));
            return statement.executeUpdate();
        });
    }

    @Scheduled(fixedDelay = "${ipdex.ingest.refetch-check:10m}", initialDelay = "1m")
    void refetchDue() {
        oneReplica.run("authority.source-refetch", this::refetchDueSources);
    }

    private void refetchDueSources() {
        for (Source source : due()) {
            try {
                postpone(source.office());
                ColumnMapping mapping = null;
                if (source.mapping() != null) {
                    String[] parts = source.mapping().split("\\|", -1);
                    mapping = ColumnMapping.parse(parts[0], parts[1].isEmpty() ? null : parts[1],
                            parts[2].isEmpty() ? null : parts[2]);
                }
                Identity uploader = new Identity(source.uploadedBy(), Set.of(Roles.OFFICE), Optional.of(source.office()));
                IngestRequest request = new IngestRequest(source.office(), source.layout(),
                        UpdateCategory.of(source.category()), false, Optional.ofNullable(mapping), uploader,
                        Optional.empty(), Optional.of(source.url()));
                IngestService.Submission submission = ingest.submit(request, fetcher.fetch(source.url()), false);
                LOG.info("Re-fetched {} for office {}: {} (edition {})", source.url(), source.office(),
                        submission.outcome(), submission.editionId());
            } catch (Exception e) {
                LOG.warn("Re-fetch of {} for office {} failed: {}", source.url(), source.office(), e.getMessage());
            }
        }
    }

    private List<Source> due() {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT office, url, layout, category, mapping, uploaded_by FROM edition_source "
                + "WHERE next_fetch <= now()", statement -> {
            List<Source> sources = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sources.add(new Source(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
            return sources;
        }));
    }

    private void postpone(String office) {
        transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE edition_source SET next_fetch = ? WHERE office = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(Instant.now().plus(properties.refetchInterval())));
            statement.setString(2, office);
            return statement.executeUpdate();
        }));
    }
}
