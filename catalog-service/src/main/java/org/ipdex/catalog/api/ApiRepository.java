package org.ipdex.catalog.api;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiRepository extends CrudRepository<Api, String> {

    // explicit SQL: a derived query treats a trailing "limit" argument as a plain parameter, not a LIMIT
    @Query("SELECT * FROM api WHERE id > :after ORDER BY id LIMIT :limit")
    List<Api> findByIdGreaterThanOrderById(String after, int limit);

    @Query("SELECT * FROM api WHERE office_code = :officeCode AND id > :after ORDER BY id LIMIT :limit")
    List<Api> findByOfficeCodeAndIdGreaterThanOrderById(String officeCode, String after, int limit);

    /** Serialises writers of one API: the second waits, then sees the first one's version. */
    @Query("SELECT * FROM api WHERE id = :id FOR UPDATE")
    Optional<Api> findByIdForUpdate(String id);

    /** Every API of an office, locked like {@link #findByIdForUpdate}, in id order so two lockers never deadlock. */
    @Query("SELECT * FROM api WHERE office_code = :officeCode ORDER BY id FOR UPDATE")
    List<Api> findByOfficeCodeForUpdate(String officeCode);

    @Query("SELECT id FROM api WHERE source_url IS NOT NULL ORDER BY id")
    List<String> findIdsWithSource();

    @Query("SELECT id FROM api ORDER BY id")
    List<String> findAllIds();

    void updateSourceCheckedAt(@Id String id, Instant sourceCheckedAt);
}
