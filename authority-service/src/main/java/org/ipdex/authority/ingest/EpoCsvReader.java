package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/** The EPO's semicolon CSV: {@code country;doc-number;kind;date;exception-code}, optional header row. */
@Singleton
final class EpoCsvReader implements AuthorityFileReader {

    @Override
    public String layout() {
        return "epo-csv";
    }

    @Override
    public RecordSource open(InputStream in, ColumnMapping mapping) throws IOException {
        return new DelimitedRecordSource(in, ColumnMapping.EPO_CSV);
    }
}
