package org.ipdex.catalog.lint;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LintRuleSettingRepository extends CrudRepository<LintRuleSetting, String> {
}
