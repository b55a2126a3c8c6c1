package org.ipdex.catalog.probe;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EndpointCheckRepository extends GenericRepository<EndpointCheck, Long> {

    EndpointCheck save(EndpointCheck check);

    /** Newest first; {@code before} is the keyset cursor (the last id of the previous page). */
    @Query("SELECT * FROM endpoint_check WHERE api_id = :apiId AND id < :before ORDER BY id DESC LIMIT :limit")
    List<EndpointCheck> findByApiIdAndIdLessThanOrderByIdDesc(String apiId, long before, int limit);

    void deleteByCheckedAtLessThan(Instant before);
}
