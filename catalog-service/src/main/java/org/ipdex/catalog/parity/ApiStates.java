package org.ipdex.catalog.parity;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.parity.SetChecksum;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Each API's current state, computed in one statement per page: the latest version's operations are unnested from
 * its JSON array and hashed in SQL, so no spec is parsed and no operation list crosses the wire.
 */
@Singleton
class ApiStates {

    private static final String MEMBER = ApiState.sqlOperationMember("lower(o->>'method')", "(o->>'path')");
    private static final String PAGE = """
            SELECT a.id, a.latest_version, a.revision, count(ops.member), %s
            FROM api a
            JOIN api_version v ON v.api_id = a.id AND v.number = a.latest_version
            LEFT JOIN LATERAL (SELECT DISTINCT %s AS member FROM jsonb_array_elements(v.operations) o) ops ON true
            WHERE a.id > ?
            GROUP BY a.id, a.latest_version, a.revision
            ORDER BY a.id
            LIMIT ?""".formatted(SetChecksum.sqlSum("ops.member"), MEMBER);

    private final DataSource dataSource;

    ApiStates(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Keyset page: the APIs whose id sorts after {@code after}, in id order. */
    List<ApiState> after(String after, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setString(1, after);
            statement.setInt(2, limit);
            List<ApiState> states = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    states.add(new ApiState(row.getString(1), row.getInt(2), row.getLong(3), row.getLong(4),
                            SetChecksum.ofSqlSum(row.getBigDecimal(5))));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the APIs' state", e);
        }
    }
}
