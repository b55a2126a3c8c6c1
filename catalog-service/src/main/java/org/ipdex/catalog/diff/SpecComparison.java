package org.ipdex.catalog.diff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.ipdex.catalog.diff.Classification.BREAKING;
import static org.ipdex.catalog.diff.Classification.NON_BREAKING;
import static org.ipdex.catalog.diff.Classification.POSSIBLY_BREAKING;

/**
 * One comparison run over two models: paths and operations, security, servers and the API version; each matched
 * operation is handed to {@link OperationComparison}. Paths are matched with their templates' names blanked
 * ({@code /a/{id}} = {@code /a/{apiId}}), because renaming a path parameter changes nothing on the wire.
 */
final class SpecComparison {

    private final OpenAPI from;
    private final OpenAPI to;
    private final List<Change> changes = new ArrayList<>();

    SpecComparison(OpenAPI from, OpenAPI to) {
        this.from = from;
        this.to = to;
    }

    List<Change> run() {
        Models fromModels = new Models(from);
        Models toModels = new Models(to);
        OperationComparison operations = new OperationComparison(fromModels, toModels,
                new SchemaComparison(fromModels, toModels), changes);
        Map<String, Op> before = operations(from);
        Map<String, Op> after = operations(to);
        Set<String> pathsAfter = new HashSet<>();
        after.values().forEach(op -> pathsAfter.add(template(op.path)));
        for (Map.Entry<String, Op> entry : before.entrySet()) {
            Op was = entry.getValue();
            Op now = after.get(entry.getKey());
            if (now == null) {
                boolean pathGone = !pathsAfter.contains(template(was.path));
                add(pathGone ? "path.removed" : "operation.removed", BREAKING, was.pointer(), was,
                        (pathGone ? "Path " + was.path + " was removed with " : "") + was.label() + " was removed");
                continue;
            }
            operations.compare(was, now);
            compareSecurity(was, now);
        }
        for (Map.Entry<String, Op> entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                Op op = entry.getValue();
                add("operation.added", NON_BREAKING, op.pointer(), op, op.label() + " was added");
            }
        }
        compareServers();
        compareSchemes();
        String wasVersion = from.getInfo() == null ? null : from.getInfo().getVersion();
        String nowVersion = to.getInfo() == null ? null : to.getInfo().getVersion();
        if (!Objects.equals(wasVersion, nowVersion)) {
            changes.add(new Change("info.version.changed", NON_BREAKING, Direction.NONE, "/info/version", null, null,
                    "API version changed from " + wasVersion + " to " + nowVersion));
        }
        return changes;
    }

    /** An operation and where it is. */
    record Op(String path, String method, Operation operation, PathItem item, List<SecurityRequirement> security) {
        String pointer() {
            return "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method;
        }

        String label() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    void add(String kind, Classification classification, String pointer, Op op, String message) {
        changes.add(new Change(kind, classification, Direction.NONE, pointer, op.path, op.method, message));
    }

    private static Map<String, Op> operations(OpenAPI model) {
        Map<String, Op> operations = new LinkedHashMap<>();
        if (model.getPaths() == null) {
            return operations;
        }
        Map<String, Integer> templates = new HashMap<>();
        model.getPaths().keySet().forEach(path -> templates.merge(template(path), 1, Integer::sum));
        model.getPaths().forEach((path, item) -> {
            // /a/{id} and /a/{slug} side by side: only the literal path tells them apart
            String key = templates.get(template(path)) > 1 ? path : template(path);
            if (item != null) {
                item.readOperationsMap().forEach((method, operation) -> {
                    String name = method.name().toLowerCase(Locale.ROOT);
                    List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                            : model.getSecurity();
                    operations.put(name + " " + key, new Op(path, name, operation, item,
                            security == null ? List.of() : security));
                });
            }
        });
        return operations;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    /**
     * Security is a list of alternatives. An operation that was open and now needs credentials breaks every client;
     * so does dropping the alternative a client uses. Adding an alternative to a secured operation breaks no one.
     */
    private void compareSecurity(Op was, Op now) {
        Set<Map<String, Set<String>>> before = alternatives(was.security);
        Set<Map<String, Set<String>>> after = alternatives(now.security);
        if (before.equals(after)) {
            return;
        }
        String pointer = now.pointer() + "/security";
        if (before.isEmpty()) {
            add("security.added", BREAKING, pointer, now, now.label() + " now requires authentication " + after);
        } else if (after.isEmpty()) {
            add("security.removed", NON_BREAKING, pointer, now, now.label() + " no longer requires authentication");
        } else {
            Set<Map<String, Set<String>>> dropped = new HashSet<>(before);
            dropped.removeAll(after);
            Set<Map<String, Set<String>>> added = new HashSet<>(after);
            added.removeAll(before);
            if (!dropped.isEmpty()) {
                add("security.alternative.removed", BREAKING, pointer, now,
                        now.label() + " no longer accepts " + dropped);
            }
            if (!added.isEmpty()) {
                add("security.alternative.added", NON_BREAKING, pointer, now, now.label() + " also accepts " + added);
            }
        }
    }

    private static Set<Map<String, Set<String>>> alternatives(List<SecurityRequirement> requirements) {
        Set<Map<String, Set<String>>> alternatives = new HashSet<>();
        for (SecurityRequirement requirement : requirements) {
            Map<String, Set<String>> alternative = new LinkedHashMap<>();
            requirement.forEach((scheme, scopes) -> alternative.put(scheme, new HashSet<>(scopes)));
            if (!alternative.isEmpty()) {
                alternatives.add(alternative);
            }
        }
        return alternatives;
    }

    private void compareSchemes() {
        Map<String, SecurityScheme> before = schemes(from);
        Map<String, SecurityScheme> after = schemes(to);
        before.forEach((name, was) -> {
            SecurityScheme now = after.get(name);
            if (now != null && (!Objects.equals(was.getType(), now.getType()) || !Objects.equals(was.getIn(), now.getIn())
                    || !Objects.equals(was.getName(), now.getName()) || !Objects.equals(was.getScheme(), now.getScheme()))) {
                changes.add(new Change("security.scheme.changed", BREAKING, Direction.NONE,
                        "/components/securitySchemes/" + name, null, null,
                        "Security scheme '" + name + "' changed how credentials are sent"));
            }
        });
    }

    private static Map<String, SecurityScheme> schemes(OpenAPI model) {
        return model.getComponents() == null || model.getComponents().getSecuritySchemes() == null ? Map.of()
                : model.getComponents().getSecuritySchemes();
    }

    /** Clients usually configure the base URL, but one that relied on a removed server must be told. */
    private void compareServers() {
        Set<String> before = urls(from.getServers());
        Set<String> after = urls(to.getServers());
        for (String url : before) {
            if (!after.contains(url)) {
                changes.add(new Change("server.removed", POSSIBLY_BREAKING, Direction.NONE, "/servers", null, null,
                        "Server " + url + " was removed"));
            }
        }
        for (String url : after) {
            if (!before.contains(url)) {
                changes.add(new Change("server.added", NON_BREAKING, Direction.NONE, "/servers", null, null,
                        "Server " + url + " was added"));
            }
        }
    }

    private static Set<String> urls(List<Server> servers) {
        Set<String> urls = new HashSet<>();
        if (servers != null) {
            servers.forEach(server -> urls.add(server.getUrl()));
        }
        return urls;
    }
}
