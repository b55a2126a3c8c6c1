package org.ipdex.authority.edition;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;


/**
 * Makes a built edition the office's active set. Everything happens in one short transaction: attaching the
 * record table (its CHECK constraint lets PostgreSQL skip scanning it, and ATTACH does not block readers), moving
 * {@code office_state}, and the {@code edition.activated} feed row. A reader of {@code active_record} therefore sees
 * the old set or the new one, never a mix, and search-service hears of the edition only if it committed.
 */
@Singleton
class EditionActivator {

    private final JdbcOperations jdbc;
    private final ActivationFeed feed;

    EditionActivator(JdbcOperations jdbc, ActivationFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    @Transactional
    public void activate(Editions.Activation activation) {
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
        feed.activated(activation);
    }

    private void execute(String sql) {
        jdbc.prepareStatement(sql, statement -> statement.execute());
    }
}
