package org.ipdex.catalog.lint;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LintExemptionRepository extends CrudRepository<LintExemption, LintExemption.Key> {

    @Query("SELECT rule_id FROM lint_exception WHERE api_id = :apiId")
    List<String> findRuleIdsByApiId(String apiId);

    @Query("SELECT * FROM lint_exception WHERE api_id = :apiId ORDER BY rule_id")
    List<LintExemption> listByApiId(String apiId);
}
