package org.ipdex.cli.authority;

import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.authority.ingest.AuthorityRow;
import org.ipdex.authority.ingest.UpdateCategory;

import java.io.IOException;
import java.time.LocalDate;

/** One output layout of the converter: the file's head (from the first pass), then one entry at a time. */
interface St37Sink extends AutoCloseable {

    /** What the head of a file says. */
    record Head(String office, LocalDate producedOn, UpdateCategory category, OfficeDefinitions definitions,
                FileStatistics statistics) {
    }

    void begin(Head head) throws IOException;

    void entry(AuthorityRow row) throws IOException;

    /** Ends the file; the underlying stream stays open for the caller. */
    void finish() throws IOException;

    @Override
    default void close() {
    }
}
