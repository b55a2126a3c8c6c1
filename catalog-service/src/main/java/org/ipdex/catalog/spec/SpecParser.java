package org.ipdex.catalog.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads one JSON or YAML document as OpenAPI 3.x or Swagger 2.0 with swagger-parser. */
@Singleton
public class SpecParser {

    public ParsedSpec parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        // never follow a $ref out of the document: no network, no disk
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        OpenAPI model = result.getOpenAPI();
        if (model == null || model.getInfo() == null || model.getPaths() == null) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            throw new InvalidInputException("Not an OpenAPI or Swagger document: "
                    + (messages.isEmpty() ? "no openapi/swagger, info and paths" : String.join("; ", messages)),
                    messages.stream().map(message -> ProblemError.atPointer("", message)).toList());
        }
        String format = text.contains("\"swagger\"") || text.matches("(?s).*(^|\\n)swagger\\s*:.*")
                ? "swagger-2.0" : "openapi-" + model.getOpenapi();
        boolean is31 = model.getOpenapi() != null && model.getOpenapi().startsWith("3.1");
        return new ParsedSpec(model, (is31 ? Json31.pretty(model) : Json.pretty(model)), format);
    }
}
