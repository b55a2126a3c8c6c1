package org.ipdex.authority.ingest;

import io.micronaut.serde.annotation.Serdeable;
import org.ipdex.authority.edition.EditionResponse;

/**
 * The answer to an upload.
 *
 * @param outcome accepted (202: being read; poll the edition), activated (read and active, with {@code wait=true}),
 *                or unchanged (this very file was accepted before: nothing changed)
 */
@Serdeable
public record UploadResponse(String outcome, EditionResponse edition) {
}
