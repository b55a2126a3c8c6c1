package org.ipdex.authority.ingest;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body forms of an upload, documented. The service reads any media type (it tells plain, gzip and zip apart by
 * their first bytes), but a client generated from the public document sends its body in the first form listed
 * (client/ does), so the text forms come first, as text; the compressed ones follow as binary.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@RequestBody(description = "The authority file: ST.37 XML, EPO CSV, USPTO TSV or a mapped delimited file; plain, "
        + "gzip or zip. Empty when `sourceUrl` is given.",
        content = {
                @Content(mediaType = "application/xml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = "string")),
                @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                @Content(mediaType = "application/gzip", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
@interface AuthorityFileBody {
}
