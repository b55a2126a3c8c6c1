package org.ipdex.authority.coverage;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body forms of a coverage check, documented. A client generated from the public document sends its body in the
 * first form listed (client/ does), so the text forms come first, as text; gzip follows as binary.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@RequestBody(required = true, description = "The collection: one publication number per line, or a delimited file "
        + "(`column` names the field); plain or gzip",
        content = {
                @Content(mediaType = "text/csv", schema = @Schema(implementation = String.class)),
                @Content(mediaType = "text/plain", schema = @Schema(implementation = String.class)),
                @Content(mediaType = "application/gzip", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/x-gzip", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
@interface CollectionBody {
}
