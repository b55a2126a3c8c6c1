package org.ipdex.authority.edition;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.authority.feed.EditionActivated;
import org.ipdex.authority.ingest.EditionTables;
import org.ipdex.authority.ingest.StatisticRow;
import org.ipdex.common.feed.ChangeFeed;

import java.util.List;

/**
 * Makes a built edition the office's active set. Everything happens in one short transaction: attaching the
 * record table (its CHECK constraint lets PostgreSQL skip scanning it, and ATTACH does not block readers), moving
 * {@code office_state}, and the {@code edition.activated} feed row. A reader of {@code active_record} therefore sees
 * the old set or the new one, never a mix, and search-service hears of the edition only if it committed.
 */
@Singleton
public class EditionActivator {

    private final JdbcOperations jdbc;
    private final ChangeFeed feed;

    public EditionActivator(JdbcOperations jdbc, ChangeFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    /** The edition to activate: its record table is built and committed. */
    public record Activation(long editionId, String office, String category, long recordCount,
                             java.util.Optional<java.time.LocalDate> producedOn, List<StatisticRow> statistics) {
    }

    @Transactional
    public void activate(Activation activation) {
        long id = activation.editionId();
        execute("ALTER TABLE authority_record ATTACH PARTITION " + EditionTables.records(id) + " FOR VALUES IN (" + id + ")");
        jdbc.prepareStatement("UPDATE edition SET status = 'superseded' WHERE office = ? AND status = 'active'", statement -> {
            statement.setString(1, activation.office());
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE edition SET status = 'active', activated_at = now() WHERE id = ?", statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO office_state (office, active_edition_id) VALUES (?, ?)
                ON CONFLICT (office) DO UPDATE SET active_edition_id = excluded.active_edition_id, updated_at = now()""",
                statement -> {
                    statement.setString(1, activation.office());
                    statement.setLong(2, id);
                    return statement.executeUpdate();
                });
        jdbc.prepareStatement("INSERT INTO edition_statistic (edition_id, year, kind, records, exception_coded) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    for (StatisticRow row : activation.statistics()) {
                        statement.setLong(1, id);
                        statement.setInt(2, row.year());
                        statement.setString(3, row.kind());
                        statement.setLong(4, row.records());
                        statement.setLong(5, row.exceptionCoded());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
        feed.append(EditionActivated.TYPE, activation.office(), id, new EditionActivated(id, activation.office(),
                activation.category(), activation.recordCount(), activation.producedOn().orElse(null)));
    }

    private void execute(String sql) {
        jdbc.prepareStatement(sql, statement -> statement.execute());
    }
}
