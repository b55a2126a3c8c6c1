package org.ipdex.catalog.lint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One place where a spec breaks a rule.
 *
 * @param pointer  RFC 6901 JSON pointer into the (OpenAPI 3) model; for a Swagger 2.0 original the line is that of
 *                 the nearest node that exists in the original
 * @param line     1-based line in the original text, when the text was given
 * @param excepted true when the API's office recorded a justified exception for the rule; such violations do not
 *                 count in the score
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String ruleId, Section section, Level severity, String pointer, String message,
                        @Nullable Integer line, boolean excepted) {

    public Violation(String ruleId, Section section, Level severity, String pointer, String message) {
        this(ruleId, section, severity, pointer, message, null, false);
    }

    Violation with(Level newSeverity, @Nullable Integer newLine, boolean isExcepted) {
        return new Violation(ruleId, section, newSeverity, pointer, message, newLine, isExcepted);
    }
}
