package org.ipdex.catalog.lint;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record ExemptionResponse(String apiId, String ruleId, String justification, String createdBy,
                                Instant createdAt) {

    static ExemptionResponse of(LintExemption exemption) {
        return new ExemptionResponse(exemption.key().apiId(), exemption.key().ruleId(), exemption.justification(),
                exemption.createdBy(), exemption.createdAt());
    }
}
