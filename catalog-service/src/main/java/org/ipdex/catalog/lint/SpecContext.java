package org.ipdex.catalog.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec as rules see it: the unresolved model (so a shared schema is reported once, at its definition) plus
 * walks that every rule would otherwise repeat — operations, parameters, schemas — each with its JSON pointer.
 */
public final class SpecContext {

    /** One operation: {@code method} is lower case, as in the document. */
    public record OperationRef(String path, String method, Operation operation, String pointer) {

        /** The status codes (and {@code default}) it declares responses for; empty when it declares none. */
        public Set<String> responseCodes() {
            ApiResponses responses = operation.getResponses();
            return responses == null ? Set.of() : responses.keySet();
        }
    }

    /** A schema and where it is written. */
    public record SchemaRef(Schema<?> schema, String pointer) {
    }

    /** A parameter (references followed) and where the operation or path item lists it. */
    public record ParameterRef(Parameter parameter, String pointer) {
    }

    private final OpenAPI model;
    private final JsonNode source;
    private List<OperationRef> operations;
    private List<SchemaRef> schemas;

    private SpecContext(OpenAPI model, JsonNode source) {
        this.model = model;
        this.source = source;
    }

    public static SpecContext of(OpenAPI model) {
        return new SpecContext(model, null);
    }

    /** @param source the document as written (see {@link org.ipdex.catalog.spec.ParsedSpec#source}), or null */
    public static SpecContext of(OpenAPI model, JsonNode source) {
        return new SpecContext(model, source);
    }

    public OpenAPI model() {
        return model;
    }

    /**
     * The root document as written, for the few rules about values the model cannot hold; its pointers are the
     * original's (a Swagger 2.0 file's {@code /definitions/…}). Empty for a spec rebuilt from its stored form.
     */
    public Optional<JsonNode> source() {
        return Optional.ofNullable(source);
    }

    public Violation violation(LintRule rule, String pointer, String message) {
        RuleInfo info = rule.info();
        return new Violation(info.id(), info.section(), info.level(), pointer, message);
    }

    public Map<String, PathItem> paths() {
        return model.getPaths() == null ? Map.of() : model.getPaths();
    }

    public List<OperationRef> operations() {
        if (operations == null) {
            List<OperationRef> found = new ArrayList<>();
            paths().forEach((path, item) -> {
                if (item != null) {
                    item.readOperationsMap().forEach((method, operation) -> {
                        String name = method.name().toLowerCase(Locale.ROOT);
                        found.add(new OperationRef(path, name, operation, JsonPointer.of("paths", path, name)));
                    });
                }
            });
            operations = Collections.unmodifiableList(found);
        }
        return operations;
    }

    /** The operation's own parameters and those of its path item, references followed. */
    public List<ParameterRef> parameters(OperationRef op) {
        List<ParameterRef> found = new ArrayList<>();
        PathItem item = paths().get(op.path());
        if (item != null && item.getParameters() != null) {
            addParameters(found, item.getParameters(), JsonPointer.of("paths", op.path(), "parameters"));
        }
        if (op.operation().getParameters() != null) {
            addParameters(found, op.operation().getParameters(), op.pointer() + "/parameters");
        }
        return found;
    }

    private void addParameters(List<ParameterRef> found, List<Parameter> parameters, String pointer) {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = resolve(parameters.get(i));
            if (parameter != null) {
                found.add(new ParameterRef(parameter, pointer + "/" + i));
            }
        }
    }

    public Parameter resolve(Parameter parameter) {
        if (parameter != null && parameter.get$ref() != null && components().getParameters() != null) {
            return components().getParameters().getOrDefault(refName(parameter.get$ref()), parameter);
        }
        return parameter;
    }

    public ApiResponse resolve(ApiResponse response) {
        if (response != null && response.get$ref() != null && components().getResponses() != null) {
            return components().getResponses().getOrDefault(refName(response.get$ref()), response);
        }
        return response;
    }

    public RequestBody resolve(RequestBody body) {
        if (body != null && body.get$ref() != null && components().getRequestBodies() != null) {
            return components().getRequestBodies().getOrDefault(refName(body.get$ref()), body);
        }
        return body;
    }

    /** Follows a chain of schema references to a definition; stops on a cycle or a missing target. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 16; hops++) {
            Map<String, Schema> named = components().getSchemas();
            Schema<?> next = named == null ? null : named.get(refName(current.get$ref()));
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    public Optional<String> schemaName(Schema<?> schema) {
        return schema != null && schema.get$ref() != null ? Optional.of(refName(schema.get$ref())) : Optional.empty();
    }

    /** The first type of a schema; OpenAPI 3.1 keeps types in a set. */
    public static Optional<String> type(Schema<?> schema) {
        if (schema == null) {
            return Optional.empty();
        }
        if (schema.getType() != null) {
            return Optional.of(schema.getType());
        }
        Set<String> types = schema.getTypes();
        return types == null ? Optional.empty() : types.stream().filter(t -> !"null".equals(t)).findFirst();
    }

    /**
     * Every schema written in the document — components and inline in parameters, bodies and responses — each
     * once, without following references (a referenced schema is checked where it is defined).
     */
    public List<SchemaRef> schemas() {
        if (schemas == null) {
            SchemaWalker walker = new SchemaWalker();
            Map<String, Schema> named = components().getSchemas();
            if (named != null) {
                named.forEach((name, schema) -> walker.walk(schema, JsonPointer.of("components", "schemas", name)));
            }
            for (OperationRef op : operations()) {
                walkOperation(walker, op);
            }
            schemas = Collections.unmodifiableList(walker.found);
        }
        return schemas;
    }

    private void walkOperation(SchemaWalker walker, OperationRef op) {
        Operation operation = op.operation();
        if (operation.getParameters() != null) {
            for (int i = 0; i < operation.getParameters().size(); i++) {
                Parameter parameter = operation.getParameters().get(i);
                walker.walk(parameter.getSchema(), op.pointer() + "/parameters/" + i + "/schema");
            }
        }
        RequestBody body = operation.getRequestBody();
        if (body != null && body.getContent() != null) {
            walkContent(walker, body.getContent(), op.pointer() + "/requestBody/content");
        }
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (response != null && response.getContent() != null) {
                    walkContent(walker, response.getContent(), JsonPointer.append(op.pointer(), "responses", status, "content"));
                }
            });
        }
    }

    private static void walkContent(SchemaWalker walker, Map<String, MediaType> content, String pointer) {
        content.forEach((type, media) -> {
            if (media != null) {
                walker.walk(media.getSchema(), JsonPointer.append(pointer, type, "schema"));
            }
        });
    }

    private io.swagger.v3.oas.models.Components components() {
        return model.getComponents() == null ? new io.swagger.v3.oas.models.Components() : model.getComponents();
    }

    static String refName(String ref) {
        return JsonPointer.unescape(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Depth-first over nested schemas; the identity set keeps a self-containing model from looping. */
    private static final class SchemaWalker {
        private final List<SchemaRef> found = new ArrayList<>();
        private final Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        @SuppressWarnings("unchecked")
        void walk(Schema<?> schema, String pointer) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            found.add(new SchemaRef(schema, pointer));
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) ->
                        walk(property, JsonPointer.append(pointer, "properties", name)));
            }
            walk(schema.getItems(), pointer + "/items");
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                walk(additional, pointer + "/additionalProperties");
            }
            walkAll(schema.getAllOf(), pointer + "/allOf");
            walkAll(schema.getOneOf(), pointer + "/oneOf");
            walkAll(schema.getAnyOf(), pointer + "/anyOf");
        }

        private void walkAll(List<Schema> schemas, String pointer) {
            if (schemas != null) {
                for (int i = 0; i < schemas.size(); i++) {
                    walk(schemas.get(i), pointer + "/" + i);
                }
            }
        }
    }
}
