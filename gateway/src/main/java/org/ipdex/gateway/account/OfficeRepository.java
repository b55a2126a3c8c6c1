package org.ipdex.gateway.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OfficeRepository extends CrudRepository<Office, String> {

    /** Keyset page: the offices after {@code after} in code order. */
    @Query("SELECT * FROM office WHERE code > :after ORDER BY code LIMIT :limit")
    List<Office> listAfter(String after, int limit);
}
