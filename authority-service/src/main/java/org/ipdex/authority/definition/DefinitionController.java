package org.ipdex.authority.definition;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.InvalidInputException;

import java.util.Locale;

@Tag(name = "authority")
@Controller("/api/v1/authority/offices/{office}/definitions")
@ExecuteOn(TaskExecutors.BLOCKING)
class DefinitionController {

    private final DefinitionStore store;
    private final DefinitionFiles reader;

    DefinitionController(DefinitionStore store, DefinitionFiles reader) {
        this.store = store;
        this.reader = reader;
    }

    @Operation(operationId = "getOfficeDefinitions",
            summary = "The kind and exception codes an office defines, with their descriptions")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OfficeDefinitions get(@PathVariable String office) {
        return store.find(code(office)).sorted();
    }

    @Operation(operationId = "replaceOfficeDefinitions", summary = "Replace an office's codes from a definition file",
            description = "The ST.37 XML definition part, or text lines `type;code;description` (type: kind or "
                    + "exception). Codes of a type the file does not mention stay as they were. Uploads whose file "
                    + "has a definition part update the codes the same way.")
    @Put(consumes = {MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, "text/csv",
            MediaType.APPLICATION_OCTET_STREAM})
    @Secured({Roles.OFFICE, Roles.ADMIN})
    OfficeDefinitions put(@PathVariable String office, @Body byte[] content, Authentication authentication) {
        String code = code(office);
        Identity.of(authentication).requireOffice(code);
        store.replace(code, reader.read(content));
        return store.find(code).sorted();
    }

    private static String code(String office) {
        String code = office.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("office", "must be a two-letter ST.3 code");
        }
        return code;
    }
}
