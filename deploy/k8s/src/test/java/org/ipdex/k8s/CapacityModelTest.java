package org.ipdex.k8s;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The services' replica counts and CPU requests are those of docs/scaling.md ("1,000 searches/s"). */
class CapacityModelTest {

    /** replicas (and HPA minimum) per service: the read path carries 1,000 searches/s with one replica lost */
    static final Map<String, Integer> MODEL_REPLICAS = Map.of(
            "gateway", 3, "search-service", 3, "catalog-service", 2, "authority-service", 2);
    /** CPU requested per replica on the read path (the HPA's 70 % target is a share of it) */
    static final Map<String, String> MODEL_CPU = Map.of("gateway", "1", "search-service", "1");

    static Manifests manifests;

    @BeforeAll
    static void load() {
        manifests = Manifests.load(Paths.get(System.getProperty("ipdex.k8s.dir", ".")).toAbsolutePath().normalize());
    }

    @Test
    void replicasAndCpuAreTheModels() {
        List<String> problems = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Integer expected = MODEL_REPLICAS.get(name);
            if (!d.getSpec().getReplicas().equals(expected)) {
                problems.add(name + ": replicas " + d.getSpec().getReplicas() + ", the model says " + expected);
            }
            String cpu = MODEL_CPU.get(name);
            if (cpu != null) {
                Quantity requested = d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources()
                        .getRequests().get("cpu");
                if (requested == null || ManifestsTest.bytes(requested).compareTo(new BigDecimal(cpu)) != 0) {
                    problems.add(name + ": requests " + requested + " CPU, the model says " + cpu);
                }
            }
        }
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            if (!hpa.getSpec().getMinReplicas().equals(MODEL_REPLICAS.get(target))) {
                problems.add("HPA " + hpa.getMetadata().getName() + ": minReplicas " + hpa.getSpec().getMinReplicas()
                        + ", the model says " + MODEL_REPLICAS.get(target));
            }
        }
        assertEquals(MODEL_REPLICAS.keySet(), new java.util.HashSet<>(manifests.all(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).toList()), "the Deployments the model sizes");
        ManifestsTest.assertNoProblems(problems);
    }
}
