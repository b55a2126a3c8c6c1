package org.ipdex.catalog.api;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiVersionRepository extends GenericRepository<ApiVersion, Long> {

    ApiVersion save(ApiVersion version);

    Optional<ApiVersion> findByApiIdAndNumber(String apiId, int number);

    @Query("""
            SELECT api_id, number, spec_version, source_format, content_sha256, created_by, created_at
            FROM api_version WHERE api_id = :apiId ORDER BY number DESC""")
    List<VersionSummary> listVersions(String apiId);
}
