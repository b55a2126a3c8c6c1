package org.ipdex.authority.edition;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** SQL for {@code edition} rows. Record tables are the loader's and the activator's business. */
@Singleton
class EditionStore {

    private static final String COLUMNS = "id, office, produced_on, category, layout, checksum, status, base_edition_id, "
            + "records_total, records_rejected, report::text, summary::text, uploaded_by, created_at, activated_at, "
            + "source_url, file_name, bytes, set_size, records_kept, finished_at";

    private final JdbcOperations jdbc;

    EditionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long create(Editions.NewEdition edition) {
        return jdbc.prepareStatement("""
                INSERT INTO edition (office, category, layout, checksum, status, uploaded_by, source_url, file_name, bytes)
                VALUES (?, ?, ?, ?, 'ingesting', ?, ?, ?, ?) RETURNING id""", statement -> {
            statement.setString(1, edition.office());
            statement.setString(2, edition.category());
            statement.setString(3, edition.layout());
            statement.setString(4, edition.checksum());
            statement.setString(5, edition.uploadedBy());
            statement.setString(6, edition.sourceUrl().orElse(null));
            statement.setString(7, edition.fileName().orElse(null));
            statement.setLong(8, edition.bytes());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Records how reading ended; an accepted edition becomes active only through {@link EditionActivator}. */
    @Transactional
    public void finish(long id, Editions.Outcome outcome) {
        jdbc.prepareStatement("""
                UPDATE edition SET status = ?, category = ?, produced_on = ?, records_total = ?, records_rejected = ?,
                       report = ?::jsonb, summary = ?::jsonb, set_size = ?, base_edition_id = ?, finished_at = now()
                WHERE id = ?""", statement -> {
            statement.setString(1, outcome.status());
            statement.setString(2, outcome.category());
            statement.setObject(3, outcome.producedOn().map(Date::valueOf).orElse(null), Types.DATE);
            statement.setLong(4, outcome.recordsTotal());
            statement.setLong(5, outcome.recordsRejected());
            statement.setString(6, outcome.reportJson());
            statement.setString(7, outcome.summaryJson().orElse(null));
            statement.setObject(8, outcome.setSize().orElse(null), Types.BIGINT);
            statement.setObject(9, outcome.baseEditionId().orElse(null), Types.BIGINT);
            statement.setLong(10, id);
            return statement.executeUpdate();
        });
    }

    @ReadOnly
    public Optional<Edition> find(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM edition WHERE id = ?", statement -> {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        });
    }

    /** Newest first; {@code beforeId} is the keyset cursor (0 for the first page). */
    @ReadOnly
    public List<Edition> list(String office, long beforeId, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM edition WHERE office = ? AND id < ? ORDER BY id DESC LIMIT ?",
                statement -> {
                    statement.setString(1, office);
                    statement.setLong(2, beforeId <= 0 ? Long.MAX_VALUE : beforeId);
                    statement.setInt(3, limit);
                    List<Edition> editions = new java.util.ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            editions.add(map(rows));
                        }
                    }
                    return editions;
                });
    }

    /**
     * The office's active edition, or one being read, if it is this very file. An older, superseded edition with
     * the same checksum does not count: uploading it again is a deliberate return to it.
     */
    @ReadOnly
    public Optional<Edition> findSameFile(String office, String checksum) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM edition WHERE office = ? AND checksum = ? "
                + "AND status IN ('ingesting', 'active') ORDER BY id DESC LIMIT 1", statement -> {
            statement.setString(1, office);
            statement.setString(2, checksum);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        });
    }

    @ReadOnly
    public OptionalLong activeEditionId(String office) {
        return jdbc.prepareStatement("SELECT active_edition_id FROM office_state WHERE office = ?", statement -> {
            statement.setString(1, office);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    @ReadOnly
    public List<Long> ingesting() {
        return jdbc.prepareStatement("SELECT id FROM edition WHERE status = 'ingesting' ORDER BY id", statement -> {
            List<Long> ids = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    static Edition map(ResultSet rows) throws SQLException {
        return new Edition(rows.getLong(1), rows.getString(2),
                Optional.ofNullable(rows.getDate(3)).map(Date::toLocalDate), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), optionalLong(rows, 8), rows.getLong(9), rows.getLong(10),
                Optional.ofNullable(rows.getString(11)), Optional.ofNullable(rows.getString(12)), rows.getString(13),
                rows.getTimestamp(14).toInstant(), instant(rows.getTimestamp(15)), Optional.ofNullable(rows.getString(16)),
                Optional.ofNullable(rows.getString(17)), optionalLong(rows, 18), optionalLong(rows, 19),
                rows.getBoolean(20), instant(rows.getTimestamp(21)));
    }

    private static Optional<Long> optionalLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
