package org.ipdex.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The deployment rules for deploy/k8s, checked on the typed model. Each test collects every violation and
 * fails with the whole list, so one run shows everything that is wrong.
 */
class ManifestsTest {

    static final String NAMESPACE = "ipdex";
    static final String VERSION = "0.1.0";
    /** the four services and the port each one listens on */
    static final Map<String, Integer> SERVICES = Map.of(
            "gateway", 8080, "catalog-service", 8081, "authority-service", 8082, "search-service", 8083);
    /** who may open connections to whom (besides the ingress controller → gateway) */
    static final Map<String, Set<String>> ALLOWED_CALLERS = Map.of(
            "catalog-service", Set.of("gateway", "search-service"),
            "authority-service", Set.of("gateway", "search-service", "catalog-service"),
            "search-service", Set.of("gateway"));
    /** services with their own database on the external PostgreSQL */
    static final Map<String, String> DATABASES = Map.of(
            "catalog-service", "ipdex_catalog", "authority-service", "ipdex_authority", "gateway", "ipdex_gateway");
    static final String POSTGRES_HOST = "postgres.example.internal";
    static final Set<String> AUTOSCALED = Set.of("gateway", "search-service");
    /** the JVM heap is 512 MiB; the container needs room for metaspace, threads and direct buffers besides */
    static final long MIN_NON_HEAP_BYTES = 256L * 1024 * 1024;

    static Manifests manifests;

    @BeforeAll
    static void load() {
        Path dir = Paths.get(System.getProperty("ipdex.k8s.dir", ".")).toAbsolutePath().normalize();
        manifests = Manifests.load(dir);
    }

    // ---------------------------------------------------------------- files and model

    @Test
    void kustomizationListsEveryYamlFileAndOnlyExistingOnes() {
        List<String> listed = manifests.kustomizationResources;
        Set<String> onDisk = Manifests.yamlFilesIn(manifests.dir);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String r : listed) {
            if (!seen.add(r)) problems.add("listed twice: " + r);
            if (!Files.isRegularFile(manifests.dir.resolve(r))) problems.add("listed but missing: " + r);
        }
        for (String f : onDisk) {
            if (!listed.contains(f)) problems.add("not listed in kustomization.yaml: " + f);
        }
        assertNoProblems(problems);
        assertFalse(listed.isEmpty(), "kustomization.yaml lists no resources");
    }

    @Test
    void everyDocumentIsANamedObjectInTheIpdexNamespace() {
        // loading already failed on unknown fields and unknown kinds; here: names, namespaces, uniqueness
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        assertEquals(1, manifests.all(Namespace.class).size(), "exactly one Namespace");
        assertEquals(NAMESPACE, manifests.all(Namespace.class).get(0).getMetadata().getName());
        for (Manifests.Doc doc : manifests.docs) {
            HasMetadata r = doc.resource();
            if (!(r instanceof Namespace) && !NAMESPACE.equals(r.getMetadata().getNamespace())) {
                problems.add(doc.where() + ": namespace is " + r.getMetadata().getNamespace() + ", not " + NAMESPACE);
            }
            if (!keys.add(r.getKind() + "/" + r.getMetadata().getName())) {
                problems.add(doc.where() + ": defined twice");
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- deployments

    @Test
    void oneDeploymentPerServiceWithItsImage() {
        Map<String, String> images = new HashMap<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
            images.put(d.getMetadata().getName(), containers.size() == 1 ? containers.get(0).getImage() : "" + containers.size() + " containers");
        }
        Map<String, String> expected = new HashMap<>();
        SERVICES.keySet().forEach(s -> expected.put(s, "ipdex/" + s + ":" + VERSION));
        assertEquals(expected, images);
    }

    @Test
    void deploymentsAreReplicatedAndSelectTheirOwnPods() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Integer replicas = d.getSpec().getReplicas();
            if (replicas == null || replicas < 2) problems.add(name + ": replicas " + replicas + " < 2");
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (!matches(d.getSpec().getSelector(), podLabels)) problems.add(name + ": selector does not match its pod labels");
            if (!name.equals(podLabels.get("app.kubernetes.io/name"))) problems.add(name + ": pods lack app.kubernetes.io/name=" + name);
            for (Deployment other : manifests.all(Deployment.class)) {
                if (other != d && matches(d.getSpec().getSelector(), other.getSpec().getTemplate().getMetadata().getLabels())) {
                    problems.add(name + ": selector also matches the pods of " + other.getMetadata().getName());
                }
            }
            var rolling = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
            if (rolling == null || !Objects.equals(rolling.getMaxUnavailable(), new IntOrString(0))) {
                problems.add(name + ": a rollout must not take a ready pod away first (rollingUpdate.maxUnavailable: 0)");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void probesHitTheManagementEndpointsOnTheServicePort() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Integer port = SERVICES.get(name);
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = name + "/" + c.getName();
                if (c.getPorts() == null || c.getPorts().stream().noneMatch(p -> Objects.equals(p.getContainerPort(), port))) {
                    problems.add(where + ": does not declare containerPort " + port);
                }
                checkProbe(where, "readinessProbe", c.getReadinessProbe(), "/health/readiness", c, port, problems);
                checkProbe(where, "livenessProbe", c.getLivenessProbe(), "/health/liveness", c, port, problems);
                if (c.getStartupProbe() != null) {
                    checkProbe(where, "startupProbe", c.getStartupProbe(), "/health/liveness", c, port, problems);
                }
            }
        }
        assertNoProblems(problems);
    }

    private static void checkProbe(String where, String kind, Probe probe, String path, Container c, Integer port,
                                   List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(where + ": no HTTP " + kind);
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (!path.equals(get.getPath())) problems.add(where + ": " + kind + " path " + get.getPath() + ", expected " + path);
        Integer resolved = resolvePort(get.getPort(), c);
        if (!Objects.equals(resolved, port)) {
            problems.add(where + ": " + kind + " port " + portText(get.getPort()) + " resolves to " + resolved + ", expected " + port);
        }
    }

    @Test
    void containersHaveLimitsSizedForA512MiBHeap() {
        long heap = heapBytes();
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = d.getMetadata().getName() + "/" + c.getName();
                ResourceRequirements r = c.getResources();
                if (r == null || r.getLimits() == null || r.getRequests() == null) {
                    problems.add(where + ": no resource requests/limits");
                    continue;
                }
                for (String res : List.of("cpu", "memory")) {
                    Quantity req = r.getRequests().get(res);
                    Quantity lim = r.getLimits().get(res);
                    if (req == null || lim == null) {
                        problems.add(where + ": " + res + " request and limit are both required");
                    } else if (bytes(req).compareTo(bytes(lim)) > 0) {
                        problems.add(where + ": " + res + " request " + req + " exceeds the limit " + lim);
                    }
                }
                Quantity memory = r.getLimits().get("memory");
                if (memory != null && bytes(memory).compareTo(BigDecimal.valueOf(heap + MIN_NON_HEAP_BYTES)) < 0) {
                    problems.add(where + ": memory limit " + memory + " leaves less than 256 MiB beside a "
                            + (heap >> 20) + " MiB heap");
                }
                if (memory != null && bytes(memory).compareTo(BigDecimal.valueOf(4 * heap)) > 0) {
                    problems.add(where + ": memory limit " + memory + " is far more than a " + (heap >> 20) + " MiB heap needs");
                }
            }
        }
        assertNoProblems(problems);
    }

    /** -Xmx from JAVA_TOOL_OPTIONS in the ConfigMap, which every Deployment must use. */
    private static long heapBytes() {
        String opts = configMapValue("ipdex-config", "JAVA_TOOL_OPTIONS");
        assertTrue(opts != null, "ConfigMap ipdex-config has no JAVA_TOOL_OPTIONS");
        Matcher m = Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(opts);
        assertTrue(m.find(), "JAVA_TOOL_OPTIONS sets no -Xmx: " + opts);
        long n = Long.parseLong(m.group(1));
        long heap = m.group(2).equalsIgnoreCase("g") ? n << 30 : n << 20;
        assertEquals(512L << 20, heap, "the heap the containers are sized for");
        for (Deployment d : manifests.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                assertTrue(env(c).containsKey("JAVA_TOOL_OPTIONS"),
                        d.getMetadata().getName() + "/" + c.getName() + " does not take JAVA_TOOL_OPTIONS (its heap would be unbounded by the limits)");
            }
        }
        return heap;
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootWithAWritableTmp() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext podSc = pod.getSecurityContext();
            Map<String, Volume> volumes = new HashMap<>();
            if (pod.getVolumes() != null) pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
            for (Container c : pod.getContainers()) {
                String where = d.getMetadata().getName() + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                        : podSc == null ? null : podSc.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) problems.add(where + ": runAsNonRoot is not true");
                Long uid = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : podSc == null ? null : podSc.getRunAsUser();
                if (uid == null || uid == 0) problems.add(where + ": no non-zero runAsUser (needed to verify a non-root image user)");
                else if (uid != imageUid()) problems.add(where + ": runAsUser " + uid + " is not the image's USER " + imageUid());
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) problems.add(where + ": readOnlyRootFilesystem is not true");
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) problems.add(where + ": allowPrivilegeEscalation is not false");
                if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) problems.add(where + ": capabilities are not dropped");
                Optional<VolumeMount> tmp = c.getVolumeMounts() == null ? Optional.empty()
                        : c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
                if (tmp.isEmpty()) {
                    problems.add(where + ": nothing is mounted on /tmp");
                } else {
                    Volume v = volumes.get(tmp.get().getName());
                    if (v == null || v.getEmptyDir() == null) problems.add(where + ": /tmp is not an emptyDir volume");
                    if (Boolean.TRUE.equals(tmp.get().getReadOnly())) problems.add(where + ": /tmp is mounted read-only");
                }
            }
        }
        assertNoProblems(problems);
    }

    /** the numeric USER of deploy/k8s/images/Dockerfile */
    private static long imageUid() {
        try {
            Matcher m = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(
                    Files.readString(manifests.dir.resolve("images/Dockerfile"), StandardCharsets.UTF_8));
            assertTrue(m.find(), "images/Dockerfile has no numeric USER");
            return Long.parseLong(m.group(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void envReferencesOnlyKeysThatExist() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (ConfigMap cm : manifests.all(ConfigMap.class)) {
            Set<String> keys = new HashSet<>();
            if (cm.getData() != null) keys.addAll(cm.getData().keySet());
            if (cm.getBinaryData() != null) keys.addAll(cm.getBinaryData().keySet());
            configMaps.put(cm.getMetadata().getName(), keys);
        }
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Secret s : manifests.all(Secret.class)) {
            Set<String> keys = new HashSet<>();
            if (s.getData() != null) keys.addAll(s.getData().keySet());
            if (s.getStringData() != null) keys.addAll(s.getStringData().keySet());
            secrets.put(s.getMetadata().getName(), keys);
        }
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = d.getMetadata().getName() + "/" + c.getName();
                Set<String> names = new HashSet<>();
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (!names.add(e.getName())) problems.add(where + ": env " + e.getName() + " set twice");
                    if (e.getValueFrom() == null) continue;
                    var cmRef = e.getValueFrom().getConfigMapKeyRef();
                    var secretRef = e.getValueFrom().getSecretKeyRef();
                    if (cmRef != null) {
                        checkKey(where, e.getName(), "ConfigMap", configMaps, cmRef.getName(), cmRef.getKey(), problems);
                    } else if (secretRef != null) {
                        checkKey(where, e.getName(), "Secret", secrets, secretRef.getName(), secretRef.getKey(), problems);
                    }
                }
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null && !configMaps.containsKey(from.getConfigMapRef().getName())) {
                        problems.add(where + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    }
                    if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())) {
                        problems.add(where + ": envFrom Secret " + from.getSecretRef().getName() + " does not exist");
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    private static void checkKey(String where, String env, String kind, Map<String, Set<String>> objects, String name,
                                 String key, List<String> problems) {
        Set<String> keys = objects.get(name);
        if (keys == null) problems.add(where + ": env " + env + " refers to " + kind + " " + name + ", which does not exist");
        else if (!keys.contains(key)) problems.add(where + ": env " + env + " refers to key " + key + " missing from " + kind + " " + name);
    }

    @Test
    void eachServiceGetsTheSettingsItNeeds() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, EnvVar> env = env(d.getSpec().getTemplate().getSpec().getContainers().get(0));
            requireSecret(name, env, "IPDEX_IDENTITY_SECRET", problems);
            String database = DATABASES.get(name);
            if (database != null) {
                String url = resolve(env.get("DATASOURCES_DEFAULT_URL"));
                if (url == null || !url.matches("jdbc:postgresql://" + Pattern.quote(POSTGRES_HOST) + "(:\\d+)?/" + database + "(\\?.*)?")) {
                    problems.add(name + ": DATASOURCES_DEFAULT_URL is " + url + ", expected database " + database + " on " + POSTGRES_HOST);
                }
                requireSecret(name, env, "DATASOURCES_DEFAULT_USERNAME", problems);
                requireSecret(name, env, "DATASOURCES_DEFAULT_PASSWORD", problems);
            } else if (env.containsKey("DATASOURCES_DEFAULT_URL")) {
                problems.add(name + ": is stateless but gets a database URL");
            }
            switch (name) {
                case "search-service" -> {
                    String es = resolve(env.get("IPDEX_ELASTICSEARCH_URL"));
                    if (es == null || !es.equals("http://" + ElasticsearchClusterTest.CLIENT_SERVICE + ":9200")) {
                        problems.add(name + ": IPDEX_ELASTICSEARCH_URL is " + es + ", not the Elasticsearch StatefulSet's client Service");
                    }
                    requireServiceUrl(name, env, "IPDEX_FEEDS_CATALOG_URL", "catalog-service", problems);
                    requireServiceUrl(name, env, "IPDEX_FEEDS_AUTHORITY_URL", "authority-service", problems);
                }
                case "catalog-service" -> requireServiceUrl(name, env, "IPDEX_CATALOG_WEBHOOKS_AUTHORITY_FEED_URL",
                        "authority-service", problems);
                case "gateway" -> {
                    requireServiceUrl(name, env, "IPDEX_BACKENDS_CATALOG_URL", "catalog-service", problems);
                    requireServiceUrl(name, env, "IPDEX_BACKENDS_AUTHORITY_URL", "authority-service", problems);
                    requireServiceUrl(name, env, "IPDEX_BACKENDS_SEARCH_URL", "search-service", problems);
                }
                default -> { }
            }
        }
        assertNoProblems(problems);
    }

    private static void requireSecret(String name, Map<String, EnvVar> env, String var, List<String> problems) {
        EnvVar e = env.get(var);
        if (e == null || e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null) {
            problems.add(name + ": " + var + " must come from a Secret");
        }
    }

    /** the URL must name a Service of these manifests, on a port that Service exposes, selecting the right pods */
    private static void requireServiceUrl(String name, Map<String, EnvVar> env, String var, String target,
                                          List<String> problems) {
        String url = resolve(env.get(var));
        if (url == null) {
            problems.add(name + ": " + var + " is not set");
            return;
        }
        URI uri = URI.create(url);
        Service service = manifests.all(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(uri.getHost())).findFirst().orElse(null);
        if (service == null) {
            problems.add(name + ": " + var + "=" + url + " names no Service of these manifests");
        } else if (service.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == uri.getPort())) {
            problems.add(name + ": " + var + "=" + url + " uses a port Service " + uri.getHost() + " does not expose");
        } else if (!uri.getHost().equals(target) || !Objects.equals(deploymentName(service), target)) {
            problems.add(name + ": " + var + "=" + url + " does not reach " + target);
        }
    }

    @Test
    void secretsHoldOnlyPlaceholders() {
        List<String> problems = new ArrayList<>();
        for (Secret s : manifests.all(Secret.class)) {
            Map<String, String> values = new LinkedHashMap<>();
            if (s.getStringData() != null) values.putAll(s.getStringData());
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
            values.forEach((k, v) -> {
                if (!v.startsWith("change-me")) problems.add("Secret " + s.getMetadata().getName() + " key " + k + " is not a change-me placeholder");
            });
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- services, ingress

    @Test
    void everyContainerPortIsTheTargetOfItsService() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            List<Service> services = manifests.all(Service.class).stream()
                    .filter(s -> selects(s.getSpec().getSelector(), d)).toList();
            if (services.size() != 1) {
                problems.add(name + ": selected by " + services.size() + " Services, expected 1");
                continue;
            }
            Service service = services.get(0);
            if (!name.equals(service.getMetadata().getName())) problems.add(name + ": its Service is named " + service.getMetadata().getName());
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<Integer> targets = new TreeSet<>();
            for (ServicePort sp : service.getSpec().getPorts()) {
                Integer target = resolvePort(sp.getTargetPort() == null ? new IntOrString(sp.getPort()) : sp.getTargetPort(), c);
                if (target == null) {
                    problems.add("Service " + service.getMetadata().getName() + " port " + sp.getPort() + ": targetPort "
                            + portText(sp.getTargetPort()) + " is no containerPort of " + name);
                } else {
                    targets.add(target);
                }
                if (!Objects.equals(sp.getPort(), SERVICES.get(name))) {
                    problems.add("Service " + service.getMetadata().getName() + " exposes port " + sp.getPort() + ", expected " + SERVICES.get(name));
                }
            }
            for (ContainerPort cp : Optional.ofNullable(c.getPorts()).orElse(List.of())) {
                if (!targets.contains(cp.getContainerPort())) {
                    problems.add(name + ": containerPort " + cp.getContainerPort() + " is not the targetPort of Service " + service.getMetadata().getName());
                }
            }
        }
        for (Service s : manifests.all(Service.class)) {
            String type = s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
            if (!type.equals("ClusterIP")) problems.add("Service " + s.getMetadata().getName() + " is " + type + ": only the Ingress exposes anything");
            boolean elasticsearch = manifests.all(StatefulSet.class).stream().anyMatch(set -> set.getSpec().getTemplate()
                    .getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()));
            if (!elasticsearch && manifests.all(Deployment.class).stream().noneMatch(d -> selects(s.getSpec().getSelector(), d))) {
                problems.add("Service " + s.getMetadata().getName() + " selects no Deployment or StatefulSet");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void onlyTheGatewayIsExposedThroughTheIngress() {
        List<Ingress> ingresses = manifests.all(Ingress.class);
        assertFalse(ingresses.isEmpty(), "no Ingress for the gateway");
        List<String> problems = new ArrayList<>();
        for (Ingress ing : ingresses) {
            List<IngressBackend> backends = new ArrayList<>();
            if (ing.getSpec().getDefaultBackend() != null) backends.add(ing.getSpec().getDefaultBackend());
            for (IngressRule rule : Optional.ofNullable(ing.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHttp() == null) continue;
                for (HTTPIngressPath p : rule.getHttp().getPaths()) backends.add(p.getBackend());
            }
            if (backends.isEmpty()) problems.add("Ingress " + ing.getMetadata().getName() + " routes nowhere");
            for (IngressBackend b : backends) {
                if (b.getService() == null || !"gateway".equals(b.getService().getName())) {
                    problems.add("Ingress " + ing.getMetadata().getName() + " routes to " + (b.getService() == null ? b : b.getService().getName()));
                    continue;
                }
                Service gateway = manifests.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals("gateway")).findFirst().orElseThrow();
                var port = b.getService().getPort();
                boolean exposed = gateway.getSpec().getPorts().stream().anyMatch(sp ->
                        (port.getName() != null && port.getName().equals(sp.getName())) || Objects.equals(port.getNumber(), sp.getPort()));
                if (!exposed) problems.add("Ingress " + ing.getMetadata().getName() + " uses a port the gateway Service does not expose");
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- availability and scaling

    @Test
    void everyDeploymentHasADisruptionBudgetThatAllowsDrainsButKeepsOnePodUp() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            List<PodDisruptionBudget> pdbs = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(p -> matches(p.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())).toList();
            if (pdbs.size() != 1) {
                problems.add(name + ": covered by " + pdbs.size() + " PodDisruptionBudgets, expected 1");
                continue;
            }
            var spec = pdbs.get(0).getSpec();
            int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            int maxUnavailable = spec.getMaxUnavailable() != null ? absolute(spec.getMaxUnavailable(), replicas)
                    : spec.getMinAvailable() != null ? replicas - absolute(spec.getMinAvailable(), replicas) : replicas;
            if (maxUnavailable < 1) problems.add(name + ": its PodDisruptionBudget blocks every node drain");
            if (replicas - maxUnavailable < 1) problems.add(name + ": its PodDisruptionBudget lets every pod go at once");
        }
        assertNoProblems(problems);
    }

    @Test
    void gatewayAndSearchServiceScaleHorizontally() {
        Map<String, HorizontalPodAutoscaler> byTarget = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            Deployment target = manifests.all(Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(ref.getName())).findFirst().orElse(null);
            if (!"Deployment".equals(ref.getKind()) || !"apps/v1".equals(ref.getApiVersion()) || target == null) {
                problems.add("HPA " + hpa.getMetadata().getName() + " targets " + ref.getApiVersion() + " " + ref.getKind() + " " + ref.getName() + ", which is not one of these Deployments");
                continue;
            }
            byTarget.put(ref.getName(), hpa);
            Integer min = hpa.getSpec().getMinReplicas();
            if (min == null || min < 2) problems.add("HPA " + hpa.getMetadata().getName() + ": minReplicas " + min + " < 2");
            if (min != null && hpa.getSpec().getMaxReplicas() <= min) problems.add("HPA " + hpa.getMetadata().getName() + ": maxReplicas <= minReplicas");
            boolean cpu = Optional.ofNullable(hpa.getSpec().getMetrics()).orElse(List.of()).stream()
                    .anyMatch(m -> m.getResource() != null && "cpu".equals(m.getResource().getName()));
            boolean cpuRequests = target.getSpec().getTemplate().getSpec().getContainers().stream()
                    .allMatch(c -> c.getResources() != null && c.getResources().getRequests() != null && c.getResources().getRequests().containsKey("cpu"));
            if (cpu && !cpuRequests) problems.add("HPA " + hpa.getMetadata().getName() + " scales on CPU but " + ref.getName() + " requests no CPU");
        }
        assertEquals(AUTOSCALED, byTarget.keySet(), "Deployments with a HorizontalPodAutoscaler");
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- network policies

    @Test
    void internalServicesAreReachableOnlyFromTheirCallers() {
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        assertTrue(defaultDeny, "no default-deny ingress NetworkPolicy for the namespace");

        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            Set<String> callers = new TreeSet<>();
            boolean reachable = false;
            for (NetworkPolicy p : policies) {
                if (!matches(p.getSpec().getPodSelector(), labels)) continue;
                for (NetworkPolicyIngressRule rule : Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of())) {
                    reachable = true;
                    String where = "NetworkPolicy " + p.getMetadata().getName() + " for " + name;
                    for (NetworkPolicyPort port : Optional.ofNullable(rule.getPorts()).orElse(List.of())) {
                        Integer resolved = resolvePort(port.getPort(), d.getSpec().getTemplate().getSpec().getContainers().get(0));
                        if (!Objects.equals(resolved, SERVICES.get(name))) problems.add(where + ": opens port " + portText(port.getPort()) + ", not the service port");
                    }
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        callers.add("<anyone>");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        if (peer.getIpBlock() != null) callers.add("<ipBlock " + peer.getIpBlock().getCidr() + ">");
                        else if (peer.getNamespaceSelector() != null) callers.add("<namespaces " + selectorText(peer.getNamespaceSelector()) + ">");
                        else {
                            List<String> peers = manifests.all(Deployment.class).stream()
                                    .filter(other -> matches(peer.getPodSelector(), other.getSpec().getTemplate().getMetadata().getLabels()))
                                    .map(other -> other.getMetadata().getName()).toList();
                            if (peers.isEmpty()) problems.add(where + ": a podSelector matches no Deployment");
                            callers.addAll(peers);
                        }
                    }
                }
            }
            Set<String> expected = ALLOWED_CALLERS.get(name);
            if (expected != null && !expected.equals(callers)) {
                problems.add(name + " accepts connections from " + callers + ", expected only " + new TreeSet<>(expected));
            }
            if (!reachable) problems.add(name + ": no NetworkPolicy lets anything in");
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------- helpers

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }

    static Map<String, EnvVar> env(Container c) {
        Map<String, EnvVar> env = new HashMap<>();
        Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(e -> env.put(e.getName(), e));
        return env;
    }

    /** the literal value, or the referenced ConfigMap value; null for secrets and unknown references */
    static String resolve(EnvVar e) {
        if (e == null) return null;
        if (e.getValueFrom() == null) return e.getValue();
        var ref = e.getValueFrom().getConfigMapKeyRef();
        return ref == null ? null : configMapValue(ref.getName(), ref.getKey());
    }

    static String configMapValue(String name, String key) {
        return manifests.all(ConfigMap.class).stream().filter(cm -> cm.getMetadata().getName().equals(name))
                .map(cm -> cm.getData() == null ? null : cm.getData().get(key)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    static String deploymentName(Service s) {
        return manifests.all(Deployment.class).stream().filter(d -> selects(s.getSpec().getSelector(), d))
                .map(d -> d.getMetadata().getName()).findFirst().orElse(null);
    }

    static boolean selects(Map<String, String> serviceSelector, Deployment d) {
        if (serviceSelector == null || serviceSelector.isEmpty()) return false;
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(serviceSelector.entrySet());
    }

    /** a named or numbered port of the container, as a number; null when it is not one of the container's ports */
    static Integer resolvePort(IntOrString port, Container c) {
        if (port == null) return null;
        List<ContainerPort> ports = Optional.ofNullable(c.getPorts()).orElse(List.of());
        if (port.getIntVal() != null) {
            return ports.stream().anyMatch(p -> Objects.equals(p.getContainerPort(), port.getIntVal())) ? port.getIntVal() : null;
        }
        return ports.stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    static String portText(IntOrString port) {
        return port == null ? "null" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    static boolean isEmpty(LabelSelector s) {
        return s == null || ((s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
                && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()));
    }

    static String selectorText(LabelSelector s) {
        return isEmpty(s) ? "all" : s.getMatchLabels() + " " + s.getMatchExpressions();
    }

    /** Kubernetes label-selector semantics: matchLabels and every matchExpression must hold; empty selects all. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) return false;
        Map<String, String> l = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !l.entrySet().containsAll(selector.getMatchLabels().entrySet())) return false;
        for (LabelSelectorRequirement r : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String v = l.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> v != null && r.getValues().contains(v);
                case "NotIn" -> v == null || !r.getValues().contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> throw new AssertionError("unknown selector operator " + r.getOperator());
            };
            if (!ok) return false;
        }
        return true;
    }

    static BigDecimal bytes(Quantity q) {
        return Quantity.getAmountInBytes(q);
    }

    /** an int-or-percent of replicas as a pod count (the disruption controller rounds percentages up) */
    static int absolute(IntOrString v, int replicas) {
        if (v.getIntVal() != null) return v.getIntVal();
        String s = v.getStrVal();
        assertTrue(s.endsWith("%"), "not a percentage: " + s);
        double pods = replicas * Integer.parseInt(s.substring(0, s.length() - 1)) / 100.0;
        return (int) Math.ceil(pods);
    }
}
