package org.ipdex.authority.scope;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One line of the scope: these kinds of this office, published in these years.
 *
 * @param toYear absent: up to today
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopeEntry(String office, List<String> kinds, int fromYear, @Nullable Integer toYear,
                         @Nullable String note) {

    public ScopeEntry {
        kinds = List.copyOf(kinds);
    }

    public boolean covers(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }
}
