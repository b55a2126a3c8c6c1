package org.ipdex.catalog.lint;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** An office's justified exception to one rule for one API (named so it is not mistaken for a Throwable). */
@MappedEntity("lint_exception")
public record LintExemption(@EmbeddedId Key key, String justification, String createdBy, Instant createdAt) {

    @Embeddable
    public record Key(@MappedProperty("api_id") String apiId, @MappedProperty("rule_id") String ruleId) {
    }
}
