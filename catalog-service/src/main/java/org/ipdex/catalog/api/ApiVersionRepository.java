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
            SELECT api_id, number, spec_version, source_format, media_type, origin, content_sha256, st90_score,
                   st90_level, diff_verdict, breaking_change, created_by, created_at
            FROM api_version WHERE api_id = :apiId ORDER BY number DESC""")
    List<VersionSummary> listVersions(String apiId);

    /** The newest versions of one office's APIs, newest first. */
    @Query("""
            SELECT v.api_id, v.number, v.spec_version, v.source_format, v.media_type, v.origin, v.content_sha256,
                   v.st90_score, v.st90_level, v.diff_verdict, v.breaking_change, v.created_by, v.created_at
            FROM api_version v JOIN api a ON a.id = v.api_id
            WHERE a.office_code = :officeCode ORDER BY v.created_at DESC, v.id DESC LIMIT :limit""")
    List<VersionSummary> latestOfOffice(String officeCode, int limit);

    @Query("""
            SELECT api_id, number, spec_version, source_format, media_type, origin, content_sha256, st90_score,
                   st90_level, diff_verdict, breaking_change, created_by, created_at
            FROM api_version WHERE api_id = :apiId ORDER BY number DESC LIMIT :limit""")
    List<VersionSummary> latestOfApi(String apiId, int limit);

    /** The latest version of every API, for the API catalog document. */
    @Query("""
            SELECT v.api_id, v.number, v.spec_version, v.source_format, v.media_type, v.origin, v.content_sha256,
                   v.st90_score, v.st90_level, v.diff_verdict, v.breaking_change, v.created_by, v.created_at
            FROM api_version v JOIN api a ON a.id = v.api_id AND v.number = a.latest_version
            WHERE v.api_id > :after ORDER BY v.api_id LIMIT :limit""")
    List<VersionSummary> latestVersions(String after, int limit);

    @Query("SELECT servers FROM api_version WHERE api_id = :apiId AND number = :number")
    Optional<String> findServers(String apiId, int number);

    @Query("SELECT count(*) FROM api_version")
    long countAll();
}
