package org.ipdex.catalog.diff;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.ipdex.catalog.diff.Classification.BREAKING;
import static org.ipdex.catalog.diff.Classification.NON_BREAKING;
import static org.ipdex.catalog.diff.Classification.POSSIBLY_BREAKING;

/** The changes inside one operation present in both versions: parameters, request body, responses. */
final class OperationComparison {

    private final Models from;
    private final Models to;
    private final SchemaComparison schemas;
    private final List<Change> changes;

    OperationComparison(Models from, Models to, SchemaComparison schemas, List<Change> changes) {
        this.from = from;
        this.to = to;
        this.schemas = schemas;
        this.changes = changes;
    }

    void compare(SpecComparison.Op was, SpecComparison.Op now) {
        if (!Boolean.TRUE.equals(was.operation().getDeprecated()) && Boolean.TRUE.equals(now.operation().getDeprecated())) {
            add("operation.deprecated", NON_BREAKING, Direction.NONE, now.pointer() + "/deprecated", now,
                    now.label() + " was deprecated");
        }
        if (!Objects.equals(was.operation().getSummary(), now.operation().getSummary())
                || !Objects.equals(was.operation().getDescription(), now.operation().getDescription())) {
            add("operation.documentation.changed", NON_BREAKING, Direction.NONE, now.pointer(), now,
                    "The summary or description of " + now.label() + " changed");
        }
        compareParameters(was, now);
        compareRequestBody(was, now);
        compareResponses(was, now);
    }

    private void compareParameters(SpecComparison.Op was, SpecComparison.Op now) {
        Map<String, Located> before = parameters(was, from);
        Map<String, Located> after = parameters(now, to);
        before.forEach((key, located) -> {
            Parameter parameter = located.parameter();
            Parameter next = after.containsKey(key) ? after.get(key).parameter() : null;
            String at = next == null ? located.pointer() : after.get(key).pointer();
            String label = parameter.getIn() + " parameter '" + parameter.getName() + "'";
            if (next == null) {
                // clients still send it; the server now ignores or rejects it, either way the meaning changed
                add("parameter.removed", POSSIBLY_BREAKING, Direction.REQUEST, at, now,
                        label + " of " + now.label() + " was removed");
                return;
            }
            if (!Boolean.TRUE.equals(parameter.getRequired()) && Boolean.TRUE.equals(next.getRequired())) {
                add("parameter.required", BREAKING, Direction.REQUEST, at, now,
                        label + " of " + now.label() + " became required");
            } else if (Boolean.TRUE.equals(parameter.getRequired()) && !Boolean.TRUE.equals(next.getRequired())) {
                add("parameter.optional", NON_BREAKING, Direction.REQUEST, at, now,
                        label + " of " + now.label() + " became optional");
            }
            schema(schemas.compare(parameter.getSchema(), next.getSchema(), Direction.REQUEST), at + "/schema",
                    now, Direction.REQUEST, label + " of " + now.label());
        });
        after.forEach((key, located) -> {
            if (!before.containsKey(key)) {
                Parameter parameter = located.parameter();
                boolean required = Boolean.TRUE.equals(parameter.getRequired());
                add("parameter.added", required ? BREAKING : NON_BREAKING, Direction.REQUEST, located.pointer(), now,
                        (required ? "Required " : "Optional ") + parameter.getIn() + " parameter '" + parameter.getName()
                                + "' was added to " + now.label());
            }
        });
    }

    private record Located(Parameter parameter, String pointer) {
    }

    /** Path-level then operation-level parameters, keyed {@code in:name}; path parameters by position. */
    private static Map<String, Located> parameters(SpecComparison.Op op, Models side) {
        Map<String, Located> parameters = new LinkedHashMap<>();
        String pathPointer = "/paths/" + op.path().replace("~", "~0").replace("/", "~1") + "/parameters/";
        add(parameters, op, side, op.item().getParameters(), pathPointer);
        add(parameters, op, side, op.operation().getParameters(), op.pointer() + "/parameters/");
        return parameters;
    }

    private static void add(Map<String, Located> parameters, SpecComparison.Op op, Models side, List<Parameter> list,
                            String pointer) {
        for (int i = 0; list != null && i < list.size(); i++) {
            Parameter parameter = side.parameter(list.get(i));
            if (parameter != null && parameter.getName() != null) {
                parameters.put(key(op.path(), parameter), new Located(parameter, pointer + i));
            }
        }
    }

    private static String key(String path, Parameter parameter) {
        if ("path".equals(parameter.getIn())) {
            int position = path.indexOf("{" + parameter.getName() + "}");
            return "path:" + (position < 0 ? parameter.getName() : "#" + path.substring(0, position).split("\\{", -1).length);
        }
        String name = "header".equals(parameter.getIn()) ? parameter.getName().toLowerCase(java.util.Locale.ROOT)
                : parameter.getName();
        return parameter.getIn() + ":" + name;
    }

    private void compareRequestBody(SpecComparison.Op was, SpecComparison.Op now) {
        RequestBody before = from.requestBody(was.operation().getRequestBody());
        RequestBody after = to.requestBody(now.operation().getRequestBody());
        String pointer = now.pointer() + "/requestBody";
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            boolean required = Boolean.TRUE.equals(after.getRequired());
            add("requestBody.added", required ? BREAKING : NON_BREAKING, Direction.REQUEST, pointer, now,
                    (required ? "A required" : "An optional") + " request body was added to " + now.label());
            return;
        }
        if (after == null) {
            add("requestBody.removed", POSSIBLY_BREAKING, Direction.REQUEST, pointer, now,
                    "The request body of " + now.label() + " was removed");
            return;
        }
        if (!Boolean.TRUE.equals(before.getRequired()) && Boolean.TRUE.equals(after.getRequired())) {
            add("requestBody.required", BREAKING, Direction.REQUEST, pointer, now,
                    "The request body of " + now.label() + " became required");
        }
        compareContent(before.getContent(), after.getContent(), pointer + "/content", now, Direction.REQUEST,
                "the request body of " + now.label());
    }

    private void compareResponses(SpecComparison.Op was, SpecComparison.Op now) {
        Map<String, ApiResponse> before = was.operation().getResponses() == null ? Map.of() : was.operation().getResponses();
        Map<String, ApiResponse> after = now.operation().getResponses() == null ? Map.of() : now.operation().getResponses();
        before.forEach((status, declared) -> {
            String pointer = now.pointer() + "/responses/" + status;
            ApiResponse next = to.response(after.get(status));
            if (next == null) {
                add("response.removed", status.startsWith("2") ? BREAKING : POSSIBLY_BREAKING, Direction.RESPONSE,
                        pointer, now, "Response " + status + " of " + now.label() + " was removed");
                return;
            }
            ApiResponse response = from.response(declared);
            String where = "the " + status + " response of " + now.label();
            compareContent(response.getContent(), next.getContent(), pointer + "/content", now, Direction.RESPONSE, where);
            compareHeaders(response.getHeaders(), next.getHeaders(), pointer + "/headers", now, where);
        });
        after.keySet().stream().filter(status -> !before.containsKey(status)).forEach(status ->
                add("response.added", NON_BREAKING, Direction.RESPONSE, now.pointer() + "/responses/" + status, now,
                        "Response " + status + " was added to " + now.label()));
    }

    private void compareContent(Content before, Content after, String pointer, SpecComparison.Op op,
                                Direction direction, String where) {
        Map<String, MediaType> was = before == null ? Map.of() : before;
        Map<String, MediaType> now = after == null ? Map.of() : after;
        was.forEach((type, media) -> {
            String at = pointer + "/" + type.replace("~", "~0").replace("/", "~1");
            MediaType next = now.get(type);
            if (next == null) {
                add("mediaType.removed", BREAKING, direction, at, op, type + " was removed from " + where);
            } else if (media != null) {
                schema(schemas.compare(media.getSchema(), next.getSchema(), direction), at + "/schema", op, direction,
                        where + " (" + type + ")");
            }
        });
        now.keySet().stream().filter(type -> !was.containsKey(type)).forEach(type ->
                add("mediaType.added", NON_BREAKING, direction, pointer + "/" + type.replace("/", "~1"), op,
                        type + " was added to " + where));
    }

    private void compareHeaders(Map<String, Header> before, Map<String, Header> after, String pointer,
                                SpecComparison.Op op, String where) {
        if (before == null) {
            return;
        }
        before.forEach((name, header) -> {
            if (after == null || after.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                add("responseHeader.removed", BREAKING, Direction.RESPONSE, pointer + "/" + name, op,
                        "Header " + name + " was removed from " + where);
            }
        });
    }

    private void schema(List<SchemaComparison.Rel> found, String pointer, SpecComparison.Op op, Direction direction,
                        String where) {
        for (SchemaComparison.Rel rel : found) {
            String message = rel.message().replace("{at}", where);
            add((direction == Direction.REQUEST ? "request." : "response.") + rel.kind(), rel.classification(),
                    direction, pointer + rel.pointer(), op, Character.toUpperCase(message.charAt(0)) + message.substring(1));
        }
    }

    private void add(String kind, Classification classification, Direction direction, String pointer,
                     SpecComparison.Op op, String message) {
        changes.add(new Change(kind, classification, direction, pointer, op.path(), op.method(), message));
    }
}
