package org.ipdex.catalog.diff;

import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.ipdex.catalog.diff.Classification.BREAKING;
import static org.ipdex.catalog.diff.Classification.NON_BREAKING;
import static org.ipdex.catalog.diff.Classification.POSSIBLY_BREAKING;

/**
 * Compares two schemas in one direction. Who writes the data decides: a client must still be able to write every
 * request it wrote before (so narrowing a request breaks), and must still understand every response (so removing or
 * widening a response breaks). Named schemas are compared once per direction and the result reused — big specs
 * share a few schemas across hundreds of operations — and a schema already being compared up the stack (a
 * recursive model) counts as unchanged there, which keeps the walk finite.
 */
final class SchemaComparison {

    /** A change relative to the schema the comparison started from. */
    record Rel(String kind, Classification classification, String pointer, String message) {
        /** Places this change under a containing schema; {@code label} names the child and keeps {@code {at}}. */
        Rel under(String prefix, String label) {
            return new Rel(kind, classification, prefix + pointer, message.replace("{at}", label));
        }
    }

    private final Models from;
    private final Models to;
    private final Map<String, List<Rel>> named = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    SchemaComparison(Models from, Models to) {
        this.from = from;
        this.to = to;
    }

    List<Rel> compare(Schema<?> before, Schema<?> after, Direction direction) {
        if (before == null || after == null) {
            return List.of();
        }
        String key = Models.refName(before.get$ref()).orElse(null) + "|" + Models.refName(after.get$ref()).orElse(null)
                + "|" + direction;
        boolean cacheable = before.get$ref() != null && after.get$ref() != null;
        if (cacheable) {
            List<Rel> cached = named.get(key);
            if (cached != null) {
                return cached;
            }
            if (!inProgress.add(key)) {
                return List.of();
            }
        }
        List<Rel> changes = new ArrayList<>();
        compareResolved(from.schema(before), to.schema(after), direction, changes);
        if (cacheable) {
            inProgress.remove(key);
            named.put(key, changes);
        }
        return changes;
    }

    private void compareResolved(Schema<?> before, Schema<?> after, Direction direction, List<Rel> changes) {
        boolean request = direction == Direction.REQUEST;
        String beforeType = Models.type(before);
        String afterType = Models.type(after);
        if (beforeType != null && afterType != null && !beforeType.equals(afterType)) {
            boolean widened = request && "integer".equals(beforeType) && "number".equals(afterType);
            changes.add(new Rel("schema.type.changed", widened ? NON_BREAKING : BREAKING, "",
                    "type of {at} changed from " + beforeType + " to " + afterType));
            return;
        }
        if (!Objects.equals(before.getFormat(), after.getFormat())) {
            changes.add(new Rel("schema.format.changed", before.getFormat() == null && !request ? NON_BREAKING
                    : POSSIBLY_BREAKING, "", "format of {at} changed from " + before.getFormat() + " to " + after.getFormat()));
        }
        compareEnums(before, after, request, changes);
        compareBounds(before, after, request, changes);
        if (!Objects.equals(before.getPattern(), after.getPattern())) {
            changes.add(new Rel("schema.pattern.changed", request && after.getPattern() != null ? POSSIBLY_BREAKING
                    : NON_BREAKING, "", "pattern of {at} changed to " + after.getPattern()));
        }
        compareProperties(before, after, direction, changes);
        for (Rel nested : compare(before.getItems(), after.getItems(), direction)) {
            changes.add(nested.under("/items", "the items of {at}"));
        }
        if (before.getAdditionalProperties() instanceof Schema<?> b && after.getAdditionalProperties() instanceof Schema<?> a) {
            for (Rel nested : compare(b, a, direction)) {
                changes.add(nested.under("/additionalProperties", "the values of {at}"));
            }
        }
        compareVariants(before.getOneOf(), after.getOneOf(), "oneOf", direction, changes);
        compareVariants(before.getAnyOf(), after.getAnyOf(), "anyOf", direction, changes);
    }

    private void compareEnums(Schema<?> before, Schema<?> after, boolean request, List<Rel> changes) {
        Set<String> was = values(before.getEnum());
        Set<String> now = values(after.getEnum());
        if (was.equals(now)) {
            return;
        }
        Set<String> removed = new HashSet<>(was);
        removed.removeAll(now);
        Set<String> added = new HashSet<>(now);
        added.removeAll(was);
        if (!was.isEmpty() && !removed.isEmpty()) {
            changes.add(new Rel("schema.enum.narrowed", request ? BREAKING : NON_BREAKING, "",
                    "{at} no longer allows " + removed));
        }
        if (was.isEmpty() && !now.isEmpty()) {
            changes.add(new Rel("schema.enum.added", request ? BREAKING : NON_BREAKING, "",
                    "{at} is now restricted to " + now));
        } else if (!added.isEmpty()) {
            changes.add(new Rel("schema.enum.widened", request ? NON_BREAKING : POSSIBLY_BREAKING, "",
                    "{at} may now be " + added));
        }
    }

    private static Set<String> values(List<?> values) {
        Set<String> set = new HashSet<>();
        if (values != null) {
            values.forEach(v -> set.add(String.valueOf(v)));
        }
        return set;
    }

    private static void compareBounds(Schema<?> before, Schema<?> after, boolean request, List<Rel> changes) {
        bound("maxLength", number(before.getMaxLength()), number(after.getMaxLength()), true, request, changes);
        bound("maximum", before.getMaximum(), after.getMaximum(), true, request, changes);
        bound("maxItems", number(before.getMaxItems()), number(after.getMaxItems()), true, request, changes);
        bound("minLength", number(before.getMinLength()), number(after.getMinLength()), false, request, changes);
        bound("minimum", before.getMinimum(), after.getMinimum(), false, request, changes);
        bound("minItems", number(before.getMinItems()), number(after.getMinItems()), false, request, changes);
    }

    private static BigDecimal number(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** Narrowing a request bound breaks writers; widening a response bound may surprise readers. */
    private static void bound(String name, BigDecimal was, BigDecimal now, boolean upper, boolean request,
                              List<Rel> changes) {
        if (Objects.equals(was, now) || (was != null && now != null && was.compareTo(now) == 0)) {
            return;
        }
        boolean narrowed = was == null || (now != null && (upper ? now.compareTo(was) < 0 : now.compareTo(was) > 0));
        Classification classification = request ? (narrowed ? BREAKING : NON_BREAKING)
                : (narrowed ? NON_BREAKING : POSSIBLY_BREAKING);
        changes.add(new Rel("schema." + name + ".changed", classification, "",
                name + " of {at} changed from " + was + " to " + now));
    }

    private void compareProperties(Schema<?> before, Schema<?> after, Direction direction, List<Rel> changes) {
        Map<String, Schema> was = properties(before, from);
        Map<String, Schema> now = properties(after, to);
        Set<String> wasRequired = required(before, from);
        Set<String> nowRequired = required(after, to);
        boolean request = direction == Direction.REQUEST;
        for (Map.Entry<String, Schema> entry : was.entrySet()) {
            String name = entry.getKey();
            String pointer = "/properties/" + name.replace("~", "~0").replace("/", "~1");
            Schema<?> next = now.get(name);
            if (next == null) {
                // a client had to cope with an optional property's absence anyway, but many rely on it in practice
                Classification removed = request ? NON_BREAKING : wasRequired.contains(name) ? BREAKING : POSSIBLY_BREAKING;
                changes.add(new Rel("property.removed", removed, pointer,
                        (wasRequired.contains(name) ? "required" : "optional") + " property '" + name + "' of {at} was removed"));
                continue;
            }
            if (!wasRequired.contains(name) && nowRequired.contains(name)) {
                changes.add(new Rel("property.required", request ? BREAKING : NON_BREAKING, pointer,
                        "property '" + name + "' of {at} became required"));
            } else if (wasRequired.contains(name) && !nowRequired.contains(name)) {
                changes.add(new Rel("property.optional", request ? NON_BREAKING : POSSIBLY_BREAKING, pointer,
                        "property '" + name + "' of {at} became optional"));
            }
            for (Rel nested : compare(entry.getValue(), next, direction)) {
                changes.add(nested.under(pointer, "'" + name + "' of {at}"));
            }
        }
        for (String name : now.keySet()) {
            if (!was.containsKey(name)) {
                boolean required = nowRequired.contains(name);
                changes.add(new Rel("property.added", request && required ? BREAKING : NON_BREAKING,
                        "/properties/" + name.replace("~", "~0").replace("/", "~1"),
                        (required ? "required" : "optional") + " property '" + name + "' added to {at}"));
            }
        }
    }

    /** Own properties plus those of allOf parts, since allOf is how specs compose objects. */
    private static Map<String, Schema> properties(Schema<?> schema, Models side) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        collect(schema, side, properties, null, 0);
        return properties;
    }

    private static Set<String> required(Schema<?> schema, Models side) {
        Set<String> required = new HashSet<>();
        collect(schema, side, null, required, 0);
        return required;
    }

    private static void collect(Schema<?> schema, Models side, Map<String, Schema> properties, Set<String> required,
                                int depth) {
        Schema<?> resolved = side.schema(schema);
        if (resolved == null || depth > 8) {
            return;
        }
        if (properties != null && resolved.getProperties() != null) {
            properties.putAll(resolved.getProperties());
        }
        if (required != null && resolved.getRequired() != null) {
            required.addAll(resolved.getRequired());
        }
        if (resolved.getAllOf() != null) {
            resolved.getAllOf().forEach(part -> collect(part, side, properties, required, depth + 1));
        }
    }

    private void compareVariants(List<Schema> before, List<Schema> after, String keyword, Direction direction,
                                 List<Rel> changes) {
        int was = before == null ? 0 : before.size();
        int now = after == null ? 0 : after.size();
        if (was != now) {
            boolean fewer = now < was;
            changes.add(new Rel("schema." + keyword + ".changed",
                    (direction == Direction.REQUEST) == fewer ? BREAKING : POSSIBLY_BREAKING, "/" + keyword,
                    keyword + " of {at} went from " + was + " to " + now + " alternatives"));
            return;
        }
        for (int i = 0; i < was; i++) {
            for (Rel nested : compare(before.get(i), after.get(i), direction)) {
                changes.add(nested.under("/" + keyword + "/" + i, keyword + "[" + i + "] of {at}"));
            }
        }
    }
}
