package org.ipdex.catalog.diff;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Every change between two versions, classified, and the verdict (the most serious classification).
 *
 * @param changes ordered by classification (breaking first), then pointer
 */
@Serdeable
public record DiffReport(Verdict verdict, int breaking, int possiblyBreaking, int nonBreaking,
                         List<Change> changes) {

    public static DiffReport of(List<Change> changes) {
        int breaking = count(changes, Classification.BREAKING);
        int possibly = count(changes, Classification.POSSIBLY_BREAKING);
        int non = count(changes, Classification.NON_BREAKING);
        Verdict verdict = breaking > 0 ? Verdict.BREAKING : possibly > 0 ? Verdict.POSSIBLY_BREAKING
                : non > 0 ? Verdict.NON_BREAKING : Verdict.NO_CHANGES;
        return new DiffReport(verdict, breaking, possibly, non, List.copyOf(changes));
    }

    private static int count(List<Change> changes, Classification classification) {
        return (int) changes.stream().filter(c -> c.classification() == classification).count();
    }
}
