package org.ipdex.authority.record;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Records per office, publication year and kind in the active sets ({@code year} 0: no publication date). */
@Serdeable
public record StatisticsResponse(List<Row> rows) {

    /** @param exceptionCoded of which have no document behind them (withdrawn, not published …) */
    @Serdeable
    public record Row(String office, long editionId, int year, String kind, long records, long exceptionCoded) {
    }
}
