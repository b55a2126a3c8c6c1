package org.ipdex.authority.ingest;

import org.ipdex.common.identity.Identity;

import java.util.Optional;

/**
 * One upload or fetch to read into an edition.
 *
 * @param office   the office the file is uploaded to (path), upper case
 * @param category overrides what the file says; full when neither says
 * @param strict   reject the file at its first record error
 * @param mapping  for the {@code delimited} layout
 */
public record IngestRequest(String office, String layout, Optional<UpdateCategory> category, boolean strict,
                            Optional<ColumnMapping> mapping, Identity uploader, Optional<String> fileName,
                            Optional<String> sourceUrl) {
}
