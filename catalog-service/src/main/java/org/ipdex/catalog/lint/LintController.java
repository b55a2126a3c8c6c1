package org.ipdex.catalog.lint;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;

import java.nio.charset.StandardCharsets;

/** ST.90 reports: of a stored version, and of a spec sent for a dry run (nothing is stored). */
@Tag(name = "lint")
@Controller("/api/v1/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class LintController {

    private final Linter linter;
    private final SpecParser parser;
    private final StoredSpecs stored;

    LintController(Linter linter, SpecParser parser, StoredSpecs stored) {
        this.linter = linter;
        this.parser = parser;
        this.stored = stored;
    }

    @Operation(operationId = "getVersionLintReport", summary = "The ST.90 report of a stored version",
            description = "Violations of rules the API's office recorded an exception for are listed as excepted.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "No such API or version")
    @Get("/apis/{apiId}/versions/{version}/lint")
    LintReport versionReport(@PathVariable String apiId, @PathVariable int version) {
        StoredSpecs.StoredSpec spec = stored.load(apiId, version);
        return linter.lint(new LintTarget(spec.spec(), spec.originalText(), apiId));
    }

    @Operation(operationId = "createLintReport", summary = "Lint a spec without registering it",
            description = "The body is one OpenAPI 3.x or Swagger 2.0 document, JSON or YAML. Nothing is stored.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "400", description = "Not a readable OpenAPI document; errors carry line and column")
    @Post(value = "/lintReports", consumes = {MediaType.APPLICATION_JSON, "application/yaml",
            MediaType.APPLICATION_YAML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    LintReport dryRun(@Body byte[] content) {
        ParsedSpec spec = parser.parse(content);
        return linter.lint(spec, new String(content, StandardCharsets.UTF_8));
    }
}
