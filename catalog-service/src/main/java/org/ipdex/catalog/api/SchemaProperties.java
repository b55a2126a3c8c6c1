package org.ipdex.catalog.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property names a schema exposes, following component {@code $ref}s to any depth and through
 * allOf/oneOf/anyOf, items and additionalProperties, so "applicationNumberText" finds the operation whose response
 * nests it three schemas deep. Each schema is entered once per operation — names are a set, and it keeps recursive
 * and widely shared schemas from costing more than their size — and the walk stops after {@link #MAX_NAMES} names or {@link #MAX_DEPTH} levels to keep feed documents small.
 */
final class SchemaProperties {

    static final int MAX_NAMES = 300;
    private static final int MAX_DEPTH = 12;

    private final Components components;

    SchemaProperties(Components components) {
        this.components = components;
    }

    List<String> of(List<Schema<?>> roots) {
        Set<String> names = new LinkedHashSet<>();
        Set<Schema<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Schema<?> root : roots) {
            walk(root, names, visited, 0);
        }
        return new ArrayList<>(names);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void walk(Schema<?> schema, Set<String> names, Set<Schema<?>> visited, int depth) {
        Schema<?> resolved = resolve(schema);
        if (resolved == null || depth > MAX_DEPTH || names.size() >= MAX_NAMES || !visited.add(resolved)) {
            return;
        }
        Map<String, Schema> properties = resolved.getProperties();
        if (properties != null) {
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                if (names.size() >= MAX_NAMES) {
                    return;
                }
                names.add(property.getKey());
                walk(property.getValue(), names, visited, depth + 1);
            }
        }
        walk(resolved.getItems(), names, visited, depth + 1);
        if (resolved.getAdditionalProperties() instanceof Schema<?> additional) {
            walk(additional, names, visited, depth + 1);
        }
        for (List<Schema> group : new List[]{resolved.getAllOf(), resolved.getOneOf(), resolved.getAnyOf()}) {
            if (group != null) {
                group.forEach(member -> walk(member, names, visited, depth + 1));
            }
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 16; hops++) {
            Map<String, Schema> named = components.getSchemas();
            current = named == null ? null : named.get(refName(current.get$ref()));
        }
        return current;
    }

    static String refName(String ref) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return name.replace("~1", "/").replace("~0", "~");
    }
}
