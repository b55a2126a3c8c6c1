package org.ipdex.gateway.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends CrudRepository<ApiKey, UUID> {

    /** The smallest UUID: the keyset cursor before the first page. */
    UUID FIRST = new UUID(0, 0);

    Optional<ApiKey> findByPrefix(String prefix);

    @Query("SELECT count(*) FROM api_key WHERE role = :role AND revoked_at IS NULL")
    long countActive(String role);

    @Query("SELECT * FROM api_key WHERE id > :after ORDER BY id LIMIT :limit")
    List<ApiKey> listAfter(UUID after, int limit);

    @Query("SELECT * FROM api_key WHERE office_code = :officeCode AND id > :after ORDER BY id LIMIT :limit")
    List<ApiKey> listForOfficeAfter(String officeCode, UUID after, int limit);

    @Query("UPDATE api_key SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
    long revoke(UUID id);

    /** At most one write per key and minute: "when was this key last used" needs no more precision. */
    @Query("UPDATE api_key SET last_used_at = now() WHERE id = :id "
            + "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
    long touch(UUID id);

    /**
     * Serialises key administration that must see a consistent set of active admin keys (bootstrap on several
     * gateway instances starting together, revoking the last admin key); released at commit.
     */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7318265)) AS locked")
    int lockAdminKeys();
}
