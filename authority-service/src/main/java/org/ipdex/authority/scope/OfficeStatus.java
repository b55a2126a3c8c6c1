package org.ipdex.authority.scope;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * How one office in scope stands: its active authority file, how old it is, and where it does not cover the
 * scope. Without an active edition only {@code office} and {@code authorityFile=false} are given.
 *
 * @param gaps              publication years inside the scope with no record of a scope kind (suspicious gaps)
 * @param kindsNeverSeen    kinds the scope expects that the active file has no record of
 * @param kindsOutsideScope kinds the active file has that the scope does not name for this office
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficeStatus(String office, boolean authorityFile, @Nullable Long activeEditionId,
                           @Nullable LocalDate producedOn, @Nullable Long ageDays, @Nullable Long recordCount,
                           @Nullable Integer firstYear, @Nullable Integer lastYear, @Nullable List<YearRange> gaps,
                           @Nullable List<String> kindsNeverSeen, @Nullable List<String> kindsOutsideScope) {

    static OfficeStatus withoutAuthorityFile(String office) {
        return new OfficeStatus(office, false, null, null, null, null, null, null, null, null, null);
    }

    /** Consecutive years, both ends included. */
    @Serdeable
    public record YearRange(int from, int to) {
    }
}
