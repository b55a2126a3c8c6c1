package org.ipdex.authority.parity;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.ipdex.common.parity.OfficeState;
import org.ipdex.common.parity.SetChecksum;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each office's active edition with its record count and checksum: one set-based aggregate over the edition's
 * records, a sequential scan of its partition that hashes every row (about five times a {@code count(*)}: the
 * figures are in the top-level README). An edition's record set never changes once it is written (an update is a
 * new edition), so each active edition is computed once and kept while it is active, like
 * {@code ScopeStatusService}'s counts: repeated checks (a fault test polls until parity) cost one small query.
 */
@Singleton
class OfficeStates {

    private static final String ACTIVE = "SELECT office, active_edition_id FROM office_state ORDER BY office";
    /** Through the parent table: partition pruning scans only the edition's own partition, whatever its name. */
    private static final String RECORDS = "SELECT count(*), "
            + SetChecksum.sqlSum(OfficeState.sqlRecordMember("number_key", "kind"))
            + " FROM authority_record WHERE edition_id = ?";

    private final DataSource dataSource;
    private final Map<Long, OfficeState> byEdition = new ConcurrentHashMap<>();

    OfficeStates(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    List<OfficeState> all() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> active = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(ACTIVE);
                 ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    active.put(row.getString(1), row.getLong(2));
                }
            }
            List<OfficeState> states = new ArrayList<>();
            for (Map.Entry<String, Long> office : active.entrySet()) {
                OfficeState known = byEdition.get(office.getValue());
                OfficeState state = known != null ? known : state(connection, office.getKey(), office.getValue());
                byEdition.put(office.getValue(), state);
                states.add(state);
            }
            byEdition.keySet().retainAll(active.values());
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the offices' active editions", e);
        }
    }

    private static OfficeState state(Connection connection, String office, long editionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORDS)) {
            statement.setLong(1, editionId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new OfficeState(office, editionId, row.getLong(1), SetChecksum.ofSqlSum(row.getBigDecimal(2)));
            }
        }
    }
}
