package org.ipdex.catalog.api;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiRepository extends CrudRepository<Api, String> {

    List<Api> findByIdGreaterThanOrderById(String after, int limit);

    List<Api> findByOfficeCodeAndIdGreaterThanOrderById(String officeCode, String after, int limit);
}
