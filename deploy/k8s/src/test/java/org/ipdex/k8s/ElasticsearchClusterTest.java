package org.ipdex.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Elasticsearch cluster of elasticsearch.yaml against the capacity model of docs/scaling.md: three nodes, one
 * per Kubernetes node, one replica of every shard, disks and memory sized from the measured figures.
 */
class ElasticsearchClusterTest {

    static final String NAME = "elasticsearch";
    static final String CLIENT_SERVICE = "elasticsearch";
    /** docs/scaling.md: the cluster the model is sized for */
    static final int NODES = 3;
    /** docs/scaling.md, "Elasticsearch": disk per node for 300 M records + 20,000 APIs, 1 replica, headroom */
    static final long MODEL_DISK_PER_NODE_GIB = 50;
    /** docs/scaling.md: heap per node, and Elasticsearch's rule that the heap is at most half the memory */
    static final long MODEL_HEAP_GIB = 8;

    static Manifests manifests;
    static StatefulSet elasticsearch;

    @BeforeAll
    static void load() {
        Path dir = Paths.get(System.getProperty("ipdex.k8s.dir", ".")).toAbsolutePath().normalize();
        manifests = Manifests.load(dir);
        List<StatefulSet> sets = manifests.all(StatefulSet.class);
        assertEquals(List.of(NAME), sets.stream().map(s -> s.getMetadata().getName()).toList(), "StatefulSets");
        elasticsearch = sets.get(0);
    }

    @Test
    void threeNodesOnThreeKubernetesNodesRunningTheVersionTheServicesAreBuiltAgainst() throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Integer.valueOf(NODES).equals(elasticsearch.getSpec().getReplicas())) {
            problems.add("replicas " + elasticsearch.getSpec().getReplicas() + ", the model assumes " + NODES);
        }
        PodSpec pod = elasticsearch.getSpec().getTemplate().getSpec();
        List<PodAffinityTerm> required = pod.getAffinity() == null || pod.getAffinity().getPodAntiAffinity() == null
                ? List.of() : Optional.ofNullable(pod.getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()).orElse(List.of());
        boolean onePerHost = required.stream().anyMatch(t -> "kubernetes.io/hostname".equals(t.getTopologyKey())
                && ManifestsTest.matches(t.getLabelSelector(), podLabels()));
        if (!onePerHost) problems.add("no required pod anti-affinity on kubernetes.io/hostname against its own pods");
        String version = property(manifests.dir.resolve("../../pom.xml"), "elasticsearch.version");
        if (!container().getImage().endsWith("/elasticsearch:" + version)) {
            problems.add("image " + container().getImage() + ", the services' client is " + version);
        }
        ManifestsTest.assertNoProblems(problems);
    }

    @Test
    void nodesFindEachOtherThroughAHeadlessServiceAndBootstrapFromTheirOwnNames() {
        List<String> problems = new ArrayList<>();
        String serviceName = elasticsearch.getSpec().getServiceName();
        Service discovery = service(serviceName);
        if (discovery == null) {
            problems.add("serviceName " + serviceName + " is no Service here");
        } else {
            if (!"None".equals(discovery.getSpec().getClusterIP())) problems.add(serviceName + " is not headless");
            if (!Boolean.TRUE.equals(discovery.getSpec().getPublishNotReadyAddresses())) {
                problems.add(serviceName + " hides unready pods: no node could find the others before it is ready");
            }
            requirePort(discovery, 9300, "transport", problems);
        }
        Service client = service(CLIENT_SERVICE);
        if (client == null || "None".equals(client.getSpec().getClusterIP())) {
            problems.add("no client Service " + CLIENT_SERVICE + " with a cluster IP");
        } else {
            requirePort(client, 9200, "http", problems);
        }
        Map<String, String> env = env();
        String masters = String.join(",", IntStream.range(0, NODES).mapToObj(i -> NAME + "-" + i).toList());
        if (!masters.equals(env.get("cluster.initial_master_nodes"))) {
            problems.add("cluster.initial_master_nodes is " + env.get("cluster.initial_master_nodes") + ", the pods are " + masters);
        }
        if (!Objects.equals(serviceName, env.get("discovery.seed_hosts"))) {
            problems.add("discovery.seed_hosts is " + env.get("discovery.seed_hosts") + ", not " + serviceName);
        }
        EnvVar nodeName = container().getEnv().stream().filter(e -> e.getName().equals("node.name")).findFirst().orElse(null);
        if (nodeName == null || nodeName.getValueFrom() == null || nodeName.getValueFrom().getFieldRef() == null
                || !"metadata.name".equals(nodeName.getValueFrom().getFieldRef().getFieldPath())) {
            problems.add("node.name is not the pod's name, so it would not match cluster.initial_master_nodes");
        }
        ManifestsTest.assertNoProblems(problems);
    }

    @Test
    void aDrainTakesOneNodeAndKeepsAMasterQuorumAndEveryShard() {
        List<PodDisruptionBudget> pdbs = manifests.all(PodDisruptionBudget.class).stream()
                .filter(p -> ManifestsTest.matches(p.getSpec().getSelector(), podLabels())).toList();
        assertEquals(1, pdbs.size(), "PodDisruptionBudgets covering the Elasticsearch pods");
        var spec = pdbs.get(0).getSpec();
        int nodes = elasticsearch.getSpec().getReplicas();
        int maxUnavailable = spec.getMaxUnavailable() != null ? ManifestsTest.absolute(spec.getMaxUnavailable(), nodes)
                : nodes - ManifestsTest.absolute(spec.getMinAvailable(), nodes);
        assertEquals(1, maxUnavailable, "with one replica per shard, a second node down loses shards; a drain needs 1");
        assertTrue(nodes - maxUnavailable >= nodes / 2 + 1, "a drain would leave no master quorum");
    }

    /** auto_expand_replicas 0-1 in every mapping of search-service: 1 replica once there are 2 nodes or more. */
    @Test
    void everyIndexHasOneShardAndOneReplicaOnDifferentNodes() throws IOException {
        Path mappings = manifests.dir.resolve("../../search-service/src/main/resources/index").normalize();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(mappings)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no index mappings in " + mappings);
        for (Path file : files) {
            JsonNode settings = new ObjectMapper().readTree(file.toFile()).path("settings");
            int shards = settings.path("number_of_shards").asInt(-1);
            String expand = settings.path("auto_expand_replicas").asText("");
            int replicas = expand.equals("0-1") ? Math.min(1, NODES - 1) : settings.path("number_of_replicas").asInt(-1);
            if (shards != 1) problems.add(file.getFileName() + ": " + shards + " shards, the model has 1 per index");
            if (replicas != 1) problems.add(file.getFileName() + ": " + replicas + " replicas on " + NODES + " nodes, the model has 1");
            if (1 + replicas > NODES) problems.add(file.getFileName() + ": more copies than nodes");
        }
        ManifestsTest.assertNoProblems(problems);
    }

    @Test
    void memoryAndDiskAreTheModelsAndTheHeapIsHalfTheMemory() {
        List<String> problems = new ArrayList<>();
        var resources = container().getResources();
        Quantity request = resources.getRequests().get("memory");
        Quantity limit = resources.getLimits().get("memory");
        if (request == null || limit == null || ManifestsTest.bytes(request).compareTo(ManifestsTest.bytes(limit)) != 0) {
            problems.add("memory request " + request + " and limit " + limit + " must be equal (no eviction under pressure)");
        }
        Matcher xmx = Pattern.compile("-Xmx(\\d+)g").matcher(env().getOrDefault("ES_JAVA_OPTS", ""));
        if (!xmx.find() || Long.parseLong(xmx.group(1)) != MODEL_HEAP_GIB) {
            problems.add("ES_JAVA_OPTS is " + env().get("ES_JAVA_OPTS") + ", the model's heap is " + MODEL_HEAP_GIB + "g");
        } else if (limit != null && ManifestsTest.bytes(limit).compareTo(BigDecimal.valueOf(2 * (MODEL_HEAP_GIB << 30))) < 0) {
            problems.add("memory limit " + limit + " is less than twice the heap: nothing left for the filesystem cache");
        }
        List<PersistentVolumeClaim> claims = Optional.ofNullable(elasticsearch.getSpec().getVolumeClaimTemplates()).orElse(List.of());
        PersistentVolumeClaim data = claims.stream().filter(c -> "data".equals(c.getMetadata().getName())).findFirst().orElse(null);
        if (data == null) {
            problems.add("no volumeClaimTemplate 'data'");
        } else {
            Quantity storage = data.getSpec().getResources().getRequests().get("storage");
            if (storage == null || ManifestsTest.bytes(storage).compareTo(BigDecimal.valueOf(MODEL_DISK_PER_NODE_GIB << 30)) < 0) {
                problems.add("data volume " + storage + ", the model needs " + MODEL_DISK_PER_NODE_GIB + "Gi per node");
            }
            if (!List.of("ReadWriteOnce").equals(data.getSpec().getAccessModes())) problems.add("data volume is not ReadWriteOnce");
            boolean mounted = container().getVolumeMounts().stream().anyMatch(m -> m.getName().equals("data")
                    && m.getMountPath().equals("/usr/share/elasticsearch/data"));
            if (!mounted) problems.add("the data volume is not mounted on /usr/share/elasticsearch/data");
        }
        ManifestsTest.assertNoProblems(problems);
    }

    /** The namespace enforces the restricted Pod Security Standard: no privileged sysctl init container. */
    @Test
    void podsPassTheRestrictedPodSecurityStandard() {
        List<String> problems = new ArrayList<>();
        PodSpec pod = elasticsearch.getSpec().getTemplate().getSpec();
        if (pod.getInitContainers() != null && !pod.getInitContainers().isEmpty()) {
            problems.add("init containers (a vm.max_map_count one would need privileges): " + pod.getInitContainers().size());
        }
        var podSc = pod.getSecurityContext();
        if (podSc == null || !Boolean.TRUE.equals(podSc.getRunAsNonRoot()) || podSc.getSeccompProfile() == null
                || !"RuntimeDefault".equals(podSc.getSeccompProfile().getType())) {
            problems.add("pod security context: runAsNonRoot and seccomp RuntimeDefault are required");
        }
        var sc = container().getSecurityContext();
        if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(sc.getPrivileged())
                || sc.getCapabilities() == null || !sc.getCapabilities().getDrop().contains("ALL")) {
            problems.add("container: no privilege escalation, not privileged, all capabilities dropped");
        }
        if (!"false".equals(env().get("node.store.allow_mmap"))) {
            problems.add("mmap needs vm.max_map_count >= 262144, which only a privileged pod could set: node.store.allow_mmap must be false");
        }
        ManifestsTest.assertNoProblems(problems);
    }

    @Test
    void onlySearchServiceReachesHttpAndOnlyTheNodesReachTransport() {
        Set<String> seen = new TreeSet<>();
        for (NetworkPolicy p : manifests.all(NetworkPolicy.class)) {
            if (ManifestsTest.isEmpty(p.getSpec().getPodSelector()) || !ManifestsTest.matches(p.getSpec().getPodSelector(), podLabels())) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of())) {
                List<String> from = Optional.ofNullable(rule.getFrom()).orElse(List.of()).stream()
                        .map(ElasticsearchClusterTest::peer).toList();
                List<String> ports = Optional.ofNullable(rule.getPorts()).orElse(List.of()).stream()
                        .map(port -> ManifestsTest.portText(port.getPort())).toList();
                for (String f : from.isEmpty() ? List.of("<anyone>") : from) {
                    for (String port : ports.isEmpty() ? List.of("<any port>") : ports) {
                        seen.add(f + " -> " + port);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("search-service -> 9200", "elasticsearch -> 9300")), seen);
    }

    private static String peer(NetworkPolicyPeer peer) {
        if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null || peer.getIpBlock() != null) {
            return "<outside the namespace>";
        }
        Map<String, String> labels = Optional.ofNullable(peer.getPodSelector().getMatchLabels()).orElse(Map.of());
        return labels.getOrDefault("app.kubernetes.io/name", "<" + labels + ">");
    }

    private static void requirePort(Service service, int port, String containerPort, List<String> problems) {
        boolean selects = service.getSpec().getSelector() != null
                && podLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet());
        if (!selects) problems.add("Service " + service.getMetadata().getName() + " does not select the Elasticsearch pods");
        Optional<ServicePort> p = service.getSpec().getPorts().stream().filter(sp -> sp.getPort() == port).findFirst();
        Integer target = p.map(sp -> ManifestsTest.resolvePort(sp.getTargetPort(), container())).orElse(null);
        Integer expected = container().getPorts().stream().filter(cp -> containerPort.equals(cp.getName()))
                .map(cp -> cp.getContainerPort()).findFirst().orElse(null);
        if (target == null || !target.equals(expected) || expected != port) {
            problems.add("Service " + service.getMetadata().getName() + " does not map port " + port + " to the container's "
                    + containerPort + " port " + port);
        }
    }

    private static Service service(String name) {
        return manifests.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElse(null);
    }

    private static Container container() {
        List<Container> containers = elasticsearch.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), "containers of the Elasticsearch pod");
        return containers.get(0);
    }

    private static Map<String, String> podLabels() {
        return elasticsearch.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** literal values only (valueFrom entries are left out) */
    private static Map<String, String> env() {
        Map<String, String> env = new java.util.HashMap<>();
        Optional.ofNullable(container().getEnv()).orElse(List.of()).stream().filter(e -> e.getValue() != null)
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    private static String property(Path pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
        assertTrue(m.find(), pom + " has no property " + name);
        return m.group(1).strip();
    }
}
