package org.ipdex.catalog.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Lists the operations of a spec in path order, with what a developer searches them by. */
final class Operations {

    private Operations() {
    }

    static List<OperationDocument> of(OpenAPI model) {
        List<OperationDocument> operations = new ArrayList<>();
        if (model.getPaths() == null) {
            return operations;
        }
        Components components = model.getComponents() == null ? new Components() : model.getComponents();
        SchemaProperties properties = new SchemaProperties(components);
        for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
            if (path.getValue() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                operations.add(new OperationDocument(entry.getKey().name().toLowerCase(Locale.ROOT), path.getKey(),
                        operation.getOperationId(), operation.getSummary(), operation.getDescription(),
                        operation.getTags() == null ? List.of() : List.copyOf(operation.getTags()),
                        parameters(path.getValue(), operation, components),
                        requestProperties(operation, components, properties),
                        responseProperties(operation, components, properties)));
            }
        }
        return operations;
    }

    private static List<String> parameters(PathItem item, Operation operation, Components components) {
        Set<String> names = new LinkedHashSet<>();
        for (List<Parameter> list : new ArrayList<>(java.util.Arrays.asList(item.getParameters(),
                operation.getParameters()))) {
            if (list != null) {
                list.forEach(parameter -> {
                    Parameter resolved = resolve(parameter, components);
                    if (resolved != null && resolved.getName() != null) {
                        names.add(resolved.getName());
                    }
                });
            }
        }
        return List.copyOf(names);
    }

    private static List<String> requestProperties(Operation operation, Components components,
                                                  SchemaProperties properties) {
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null && components.getRequestBodies() != null) {
            body = components.getRequestBodies().get(SchemaProperties.refName(body.get$ref()));
        }
        return body == null ? List.of() : properties.of(schemas(body.getContent()));
    }

    private static List<String> responseProperties(Operation operation, Components components,
                                                   SchemaProperties properties) {
        if (operation.getResponses() == null) {
            return List.of();
        }
        List<io.swagger.v3.oas.models.media.Schema<?>> schemas = new ArrayList<>();
        for (ApiResponse response : operation.getResponses().values()) {
            ApiResponse resolved = response;
            if (response != null && response.get$ref() != null && components.getResponses() != null) {
                resolved = components.getResponses().get(SchemaProperties.refName(response.get$ref()));
            }
            if (resolved != null) {
                schemas.addAll(schemas(resolved.getContent()));
            }
        }
        return properties.of(schemas);
    }

    private static List<io.swagger.v3.oas.models.media.Schema<?>> schemas(Content content) {
        List<io.swagger.v3.oas.models.media.Schema<?>> schemas = new ArrayList<>();
        if (content != null) {
            content.values().forEach(media -> {
                if (media != null && media.getSchema() != null) {
                    schemas.add(media.getSchema());
                }
            });
        }
        return schemas;
    }

    private static Parameter resolve(Parameter parameter, Components components) {
        if (parameter != null && parameter.get$ref() != null && components.getParameters() != null) {
            return components.getParameters().get(SchemaProperties.refName(parameter.get$ref()));
        }
        return parameter;
    }
}
