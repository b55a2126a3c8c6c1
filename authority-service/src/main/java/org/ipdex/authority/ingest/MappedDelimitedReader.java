package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/** Any delimited file, with the column mapping the uploader declared (the ST.37 text annex fixes no order). */
@Singleton
final class MappedDelimitedReader implements AuthorityFileReader {

    @Override
    public String layout() {
        return "delimited";
    }

    @Override
    public RecordSource open(InputStream in, ColumnMapping mapping) throws IOException {
        if (mapping == null) {
            throw org.ipdex.common.problem.InvalidInputException.parameter("mapping",
                    "the delimited layout needs a column mapping");
        }
        return new DelimitedRecordSource(in, mapping);
    }
}
