package org.ipdex.catalog.office;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OfficeRepository extends CrudRepository<Office, String> {

    @Query("SELECT * FROM office WHERE code > :after ORDER BY code LIMIT :limit")
    List<Office> findByCodeGreaterThanOrderByCode(String after, int limit);

    @Query("SELECT count(*) FROM api WHERE office_code = :code")
    long countApis(String code);
}
