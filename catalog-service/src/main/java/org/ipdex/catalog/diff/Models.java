package org.ipdex.catalog.diff;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.headers.Header;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reference look-ups into one side's components; a missing target resolves to the reference itself. */
final class Models {

    private final Components components;

    Models(OpenAPI model) {
        this.components = model.getComponents() == null ? new Components() : model.getComponents();
    }

    Components components() {
        return components;
    }

    static Optional<String> refName(String ref) {
        if (ref == null || !ref.startsWith("#/")) {
            return Optional.empty();
        }
        return Optional.of(ref.substring(ref.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~"));
    }

    /** Follows schema references to a definition; at most 16 hops so a reference loop cannot hang. */
    Schema<?> schema(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 16; hops++) {
            Schema<?> next = lookup(components.getSchemas(), current.get$ref());
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    Parameter parameter(Parameter parameter) {
        Parameter target = parameter == null ? null : lookup(components.getParameters(), parameter.get$ref());
        return target == null ? parameter : target;
    }

    RequestBody requestBody(RequestBody body) {
        RequestBody target = body == null ? null : lookup(components.getRequestBodies(), body.get$ref());
        return target == null ? body : target;
    }

    ApiResponse response(ApiResponse response) {
        ApiResponse target = response == null ? null : lookup(components.getResponses(), response.get$ref());
        return target == null ? response : target;
    }

    Header header(Header header) {
        Header target = header == null ? null : lookup(components.getHeaders(), header.get$ref());
        return target == null ? header : target;
    }

    private static <T> T lookup(Map<String, T> named, String ref) {
        return named == null || ref == null ? null : refName(ref).map(named::get).orElse(null);
    }

    /** The schema's type; 3.1 keeps a set, of which "null" only says nullable. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        return types == null ? null : types.stream().filter(t -> !"null".equals(t)).sorted().findFirst().orElse(null);
    }
}
