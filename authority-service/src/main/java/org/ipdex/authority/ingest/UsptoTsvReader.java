package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/**
 * The USPTO pre-grant file: tab-separated, {@code US+11-digit number, kind, date, status, abstract, description,
 * claims}. The status ({@code W}, {@code MA}, {@code MC}, blank) is stored as the exception code.
 */
@Singleton
final class UsptoTsvReader implements AuthorityFileReader {

    @Override
    public String layout() {
        return "uspto-tsv";
    }

    @Override
    public RecordSource open(InputStream in, ColumnMapping mapping) throws IOException {
        return new DelimitedRecordSource(in, ColumnMapping.USPTO_TSV);
    }
}
