package org.ipdex.catalog.lint;

import io.micronaut.serde.annotation.Serdeable;

/** An office's justified exception to one rule for one of its APIs. */
@Serdeable
public record ExemptionRequest(String ruleId, String justification) {
}
