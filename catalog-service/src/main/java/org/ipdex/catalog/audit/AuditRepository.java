package org.ipdex.catalog.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    /** Newest first; {@code before} is the keyset cursor (the last id of the previous page). */
    @Query("SELECT * FROM audit_entry WHERE api_id = :apiId AND id < :before ORDER BY id DESC LIMIT :limit")
    List<AuditEntry> findByApiIdAndIdLessThanOrderByIdDesc(String apiId, long before, int limit);

    long count();
}
