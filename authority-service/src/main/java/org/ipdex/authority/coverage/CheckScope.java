package org.ipdex.authority.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What one check compares against: either whole offices ({@code offices=EP,US}: every kind, every year of their
 * active authority files) or the PCT scope ({@code scope=pct}: the kinds and years of the scope version current
 * when the check was made).
 *
 * @param key     {@code pct} or {@code offices:EP,US}; two checks with the same key and name are compared
 * @param version the scope version, for {@code pct}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckScope(String key, @Nullable Integer version, List<Line> lines) {

    public CheckScope {
        lines = List.copyOf(lines);
    }

    public List<String> offices() {
        return lines.stream().map(Line::office).distinct().sorted().toList();
    }

    /**
     * @param kinds    empty: every kind
     * @param fromYear null: no lower bound; likewise toYear
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String office, List<String> kinds, @Nullable Integer fromYear, @Nullable Integer toYear) {

        public Line {
            kinds = List.copyOf(kinds);
        }
    }
}
