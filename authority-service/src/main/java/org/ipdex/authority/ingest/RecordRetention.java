package org.ipdex.authority.ingest;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ipdex.authority.edition.EditionTables;
import org.ipdex.authority.record.PoolConnections;
import org.ipdex.common.schedule.OneReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the record tables of the newest {@code keep-editions} accepted editions per office (for diffs and for
 * search-service catching up) and drops older ones whole. Detaching a partition needs a short exclusive lock on
 * the parent table, so it waits at most a few seconds for running readers and otherwise tries again later.
 */
@Singleton
public class RecordRetention {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRetention.class);

    private final PoolConnections connections;
    private final IngestProperties properties;
    private final OneReplica oneReplica;

    public RecordRetention(PoolConnections connections, IngestProperties properties, OneReplica oneReplica) {
        this.connections = connections;
        this.properties = properties;
        this.oneReplica = oneReplica;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void trimAll() {
        oneReplica.run("authority.record-retention", () -> offices().forEach(this::trim));
    }

    /** @return the editions whose records were dropped */
    public List<Long> trim(String office) {
        List<Long> dropped = new ArrayList<>();
        for (long id : beyondRetention(office)) {
            try (Connection connection = connections.connection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL lock_timeout = '5s'");
                    String table = EditionTables.records(id);
                    statement.execute("ALTER TABLE authority_record DETACH PARTITION " + table);
                    statement.execute("DROP TABLE " + table);
                    statement.execute("UPDATE edition SET records_kept = false WHERE id = " + id);
                    connection.commit();
                    dropped.add(id);
                } catch (SQLException e) {
                    connection.rollback();
                    LOG.info("Records of edition {} not dropped yet ({}); trying again later", id, e.getMessage());
                }
            } catch (SQLException e) {
                LOG.warn("Retention of office {} failed", office, e);
            }
        }
        return dropped;
    }

    private List<Long> beyondRetention(String office) {
        return ids("SELECT id FROM edition WHERE office = ? AND status = 'superseded' AND records_kept "
                + "AND id NOT IN (SELECT id FROM edition WHERE office = ? AND status IN ('active', 'superseded') "
                + "AND records_kept ORDER BY id DESC LIMIT " + Math.max(1, properties.keepEditions()) + ")", office);
    }

    private List<String> offices() {
        List<String> offices = new ArrayList<>();
        try (Connection connection = connections.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT office FROM office_state")) {
            while (rows.next()) {
                offices.add(rows.getString(1));
            }
        } catch (SQLException e) {
            LOG.warn("Could not list offices for retention", e);
        }
        return offices;
    }

    private List<Long> ids(String sql, String office) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connections.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, office);
            statement.setString(2, office);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not list editions of office {} for retention", office, e);
        }
        return ids;
    }
}
