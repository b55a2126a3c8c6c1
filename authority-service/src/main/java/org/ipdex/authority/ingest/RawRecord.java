package org.ipdex.authority.ingest;

/**
 * One entry as a reader found it, before validation: every field is the file's text (empty when absent).
 *
 * @param line    where the entry starts in the (decompressed) file, 1-based
 * @param office  the entry's own office column, if the layout has one
 * @param delete  true for a deletion in a differential file
 * @param problem what the reader already knows is wrong with the entry (a line with too few columns); empty if nothing
 */
public record RawRecord(long line, String office, String number, String kind, String date, String exceptionCode,
                        boolean delete, String problem) {

    public RawRecord(long line, String office, String number, String kind, String date, String exceptionCode,
                     boolean delete) {
        this(line, office, number, kind, date, exceptionCode, delete, "");
    }

    static RawRecord incomplete(long line, String problem) {
        return new RawRecord(line, "", "", "", "", "", false, problem);
    }
}
