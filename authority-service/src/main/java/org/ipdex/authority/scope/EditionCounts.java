package org.ipdex.authority.scope;

import java.util.List;

/**
 * Records of one edition per publication year and kind. An edition's record set never changes once written
 * (each edition has its own partition), so these counts are computed once per edition and cached.
 *
 * @param year null for records without a publication date
 */
record EditionCounts(List<Cell> cells) {

    record Cell(Integer year, String kind, long records) {
    }

    long total() {
        return cells.stream().mapToLong(Cell::records).sum();
    }
}
