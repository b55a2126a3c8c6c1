package org.ipdex.authority.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * One reader per layout. {@link #open} reads up to the first entry, so that structural errors of the head (not
 * well-formed, wrong root, another office) surface before anything is stored.
 */
public interface AuthorityFileReader {

    /** The {@code layout} parameter value: {@code st37-xml}, {@code epo-csv}, {@code uspto-tsv}, {@code delimited}. */
    String layout();

    /**
     * @param in      the decompressed file; the source closes it
     * @param mapping only for the user-mapped layout; the others ignore it
     */
    RecordSource open(InputStream in, ColumnMapping mapping) throws IOException;
}
