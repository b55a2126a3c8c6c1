package org.ipdex.authority.ingest;

import org.ipdex.authority.definition.OfficeDefinitions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a file says about itself before its entries: the XML root and definition part. Delimited layouts say
 * nothing, so everything is optional; the office of a delimited file is that of its first entry.
 */
public record FileHeader(Optional<String> office, Optional<LocalDate> producedOn, Optional<UpdateCategory> category,
                         OfficeDefinitions definitions) {

    public static FileHeader none() {
        return new FileHeader(Optional.empty(), Optional.empty(), Optional.empty(), OfficeDefinitions.none());
    }
}
