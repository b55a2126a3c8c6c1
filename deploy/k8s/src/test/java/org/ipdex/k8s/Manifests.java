package org.ipdex.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the manifests the way a strict API server would: every YAML document of every file that
 * kustomization.yaml lists becomes a typed fabric8 model object, and a field the model does not know
 * (a typo, a field at the wrong level) is an error instead of silently landing in
 * {@code additionalProperties}.
 */
final class Manifests {

    /** One YAML document of one file, loaded into the typed model. */
    record Doc(String file, int index, HasMetadata resource) {
        String where() {
            return file + "#" + index + " (" + resource.getKind() + " " + resource.getMetadata().getName() + ")";
        }
    }

    final Path dir;
    final List<String> kustomizationResources;
    final List<Doc> docs;

    private Manifests(Path dir, List<String> kustomizationResources, List<Doc> docs) {
        this.dir = dir;
        this.kustomizationResources = kustomizationResources;
        this.docs = docs;
    }

    static Manifests load(Path dir) {
        YAMLMapper yaml = yamlMapper();
        JsonNode kustomization = readAll(yaml, dir.resolve("kustomization.yaml")).get(0);
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));

        KubernetesSerialization serialization = strictSerialization();
        List<Doc> docs = new ArrayList<>();
        for (String file : resources) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // reported by the kustomization test, with the other listing problems
            }
            List<JsonNode> nodes = readAll(yaml, path);
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode node = nodes.get(i);
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue; // an empty document, e.g. after a trailing ---
                }
                String where = file + "#" + i;
                KubernetesResource resource;
                try {
                    resource = serialization.unmarshal(node.toString(), KubernetesResource.class);
                } catch (RuntimeException e) {
                    throw new AssertionError(where + " does not match the Kubernetes model: " + rootMessage(e), e);
                }
                if (resource instanceof GenericKubernetesResource generic) {
                    throw new AssertionError(where + ": unknown kind " + generic.getApiVersion() + "/" + generic.getKind());
                }
                if (!(resource instanceof HasMetadata hasMetadata) || hasMetadata.getMetadata() == null
                        || hasMetadata.getMetadata().getName() == null) {
                    throw new AssertionError(where + " is not a named Kubernetes object: " + resource);
                }
                List<String> leftovers = new ArrayList<>();
                collectAdditionalProperties(resource, "", leftovers, new IdentityHashMap<>());
                if (!leftovers.isEmpty()) {
                    throw new AssertionError(where + " has fields the model does not know: " + leftovers);
                }
                docs.add(new Doc(file, i, hasMetadata));
            }
        }
        return new Manifests(dir, resources, docs);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return docs.stream().map(Doc::resource).filter(type::isInstance).map(type::cast).toList();
    }

    /** YAML with duplicate keys refused (kubectl refuses them too; Jackson would keep the last one). */
    static YAMLMapper yamlMapper() {
        YAMLMapper mapper = new YAMLMapper(new YAMLFactory());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    static List<JsonNode> readAll(YAMLMapper yaml, Path path) {
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(path.toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * fabric8's model classes catch every unknown field with a {@code @JsonAnySetter} into
     * {@code additionalProperties}, so FAIL_ON_UNKNOWN_PROPERTIES alone never fires. The modifier removes that
     * any-setter from the model's bean deserializers (and any ignoreUnknown), so Jackson reports the field.
     */
    static KubernetesSerialization strictSerialization() {
        SimpleModule strictModel = new SimpleModule("strict-fabric8-model");
        strictModel.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                }
                return builder;
            }
        });
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .registerModule(strictModel);
        return new KubernetesSerialization(mapper, true);
    }

    /** Second line of defence: walk the loaded objects and report any non-empty additionalProperties. */
    private static void collectAdditionalProperties(Object value, String path, List<String> out,
                                                    IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectAdditionalProperties(v, path + "." + k, out, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                collectAdditionalProperties(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add((path.isEmpty() ? "<root>" : path) + " " + extra.keySet());
                }
            } else if (child instanceof KubernetesResource || child instanceof Collection<?> || child instanceof Map<?, ?>) {
                collectAdditionalProperties(child, path + "." + decapitalize(name.substring(3)), out, seen);
            }
        }
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static Set<String> yamlFilesIn(Path dir) {
        try (var files = Files.list(dir)) {
            return new java.util.TreeSet<>(files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .filter(n -> !n.equals("kustomization.yaml") && !n.equals("kustomization.yml"))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
