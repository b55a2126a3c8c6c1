package org.ipdex.gateway.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Merges the services' own documents into one, on swagger-core's model: the paths each may publish, their
 * components and tags. Two services may name different things alike (each has its own {@code Page_…} or
 * {@code Problem}): an identical component is kept once; a different one under the same name is renamed with its
 * service's name ({@code Problem} → {@code SearchProblem}) and every reference in that service's part rewritten.
 * Operation ids must be unique in one document, so a clashing one gets the same prefix.
 */
final class OpenApiMerger {

    /** One service's document and the paths of it that are public through the gateway. */
    record Part(String service, OpenAPI document, Predicate<String> publicPath) {
    }

    /** The merged paths, components and tags, and what had to be renamed (for the info description). */
    record Merged(Paths paths, Components components, List<Tag> tags, List<String> renamed) {
    }

    private static final List<ComponentKind> KINDS = List.of(
            new ComponentKind("schemas", Components::getSchemas, Components::setSchemas),
            new ComponentKind("responses", Components::getResponses, Components::setResponses),
            new ComponentKind("parameters", Components::getParameters, Components::setParameters),
            new ComponentKind("examples", Components::getExamples, Components::setExamples),
            new ComponentKind("requestBodies", Components::getRequestBodies, Components::setRequestBodies),
            new ComponentKind("headers", Components::getHeaders, Components::setHeaders),
            new ComponentKind("securitySchemes", Components::getSecuritySchemes, Components::setSecuritySchemes),
            new ComponentKind("links", Components::getLinks, Components::setLinks),
            new ComponentKind("callbacks", Components::getCallbacks, Components::setCallbacks));

    private OpenApiMerger() {
    }

    static Merged merge(List<Part> parts) {
        Paths paths = new Paths();
        Components components = new Components();
        Map<String, Tag> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        List<String> renamed = new ArrayList<>();
        for (Part part : parts) {
            OpenAPI document = withoutClashes(part, components, renamed);
            if (document.getPaths() != null) {
                document.getPaths().forEach((path, item) -> {
                    if (part.publicPath().test(path)) {
                        uniqueOperationIds(part.service(), path, item, operationIds, renamed);
                        paths.addPathItem(path, item);
                    }
                });
            }
            if (document.getComponents() != null) {
                for (ComponentKind kind : KINDS) {
                    kind.addAll(document.getComponents(), components);
                }
            }
            if (document.getTags() != null) {
                document.getTags().forEach(tag -> tags.putIfAbsent(tag.getName(), tag));
            }
        }
        // tags used by operations but declared nowhere (micronaut-openapi declares none) are declared too
        paths.values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getTags() != null) {
                operation.getTags().forEach(name -> tags.putIfAbsent(name, new Tag().name(name)));
            }
        }));
        return new Merged(sorted(paths), components, List.copyOf(tags.values()), renamed);
    }

    /** The part's document with each component that clashes with an already merged one renamed. */
    private static OpenAPI withoutClashes(Part part, Components merged, List<String> renamed) {
        Components own = part.document().getComponents();
        if (own == null) {
            return part.document();
        }
        Map<String, String> references = new LinkedHashMap<>();
        for (ComponentKind kind : KINDS) {
            Map<String, Object> mine = kind.of(own);
            Map<String, Object> theirs = kind.of(merged);
            if (mine == null || theirs == null) {
                continue;
            }
            mine.forEach((name, component) -> {
                if (theirs.containsKey(name) && !Objects.equals(theirs.get(name), component)) {
                    String newName = capitalised(part.service()) + name;
                    references.put("#/components/" + kind.name() + "/" + name,
                            "#/components/" + kind.name() + "/" + newName);
                    renamed.add(kind.name() + " " + name + " of " + part.service() + " → " + newName);
                }
            });
        }
        return references.isEmpty() ? part.document() : rewritten(part.document(), references);
    }

    /**
     * Renames through the JSON form: a reference can sit anywhere in the model (schemas, parameters, responses,
     * callbacks), and in the serialised document each is exactly one quoted string.
     */
    private static OpenAPI rewritten(OpenAPI document, Map<String, String> references) {
        try {
            String json = Json.mapper().writeValueAsString(document);
            for (Map.Entry<String, String> reference : references.entrySet()) {
                json = json.replace("\"" + reference.getKey() + "\"", "\"" + reference.getValue() + "\"");
            }
            OpenAPI copy = Json.mapper().readValue(json, OpenAPI.class);
            for (ComponentKind kind : KINDS) {
                kind.rename(copy.getComponents(), references);
            }
            return copy;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void uniqueOperationIds(String service, String path, PathItem item, Set<String> seen,
                                           List<String> renamed) {
        for (Operation operation : item.readOperations()) {
            String id = operation.getOperationId();
            if (id == null) {
                continue;
            }
            if (!seen.add(id)) {
                String unique = service + capitalised(id);
                operation.setOperationId(unique);
                seen.add(unique);
                renamed.add("operationId " + id + " of " + service + " " + path + " → " + unique);
            }
        }
    }

    private static Paths sorted(Paths paths) {
        Paths sorted = new Paths();
        paths.keySet().stream().sorted().forEach(path -> sorted.addPathItem(path, paths.get(path)));
        return sorted;
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** One of the component maps of {@link Components}, by its name in a {@code $ref}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class ComponentKind {

        private final String name;
        private final Function<Components, Map> get;
        private final BiConsumer<Components, Map> set;

        private <T> ComponentKind(String name, Function<Components, Map<String, T>> get,
                                  BiConsumer<Components, Map<String, T>> set) {
            this.name = name;
            this.get = (Function) get;
            this.set = (BiConsumer) set;
        }

        String name() {
            return name;
        }

        Map<String, Object> of(Components components) {
            return components == null ? null : get.apply(components);
        }

        void addAll(Components from, Components into) {
            Map<String, Object> source = of(from);
            if (source == null || source.isEmpty()) {
                return;
            }
            Map<String, Object> target = of(into);
            if (target == null) {
                target = new LinkedHashMap<>();
                set.accept(into, target);
            }
            for (Map.Entry<String, Object> entry : source.entrySet()) {
                target.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }

        void rename(Components components, Map<String, String> references) {
            Map<String, Object> map = of(components);
            if (map == null) {
                return;
            }
            Map<String, Object> renamedMap = new LinkedHashMap<>();
            String prefix = "#/components/" + name + "/";
            map.forEach((key, value) -> {
                String target = references.get(prefix + key);
                renamedMap.put(target == null ? key : target.substring(prefix.length()), value);
            });
            set.accept(components, renamedMap);
        }
    }
}
