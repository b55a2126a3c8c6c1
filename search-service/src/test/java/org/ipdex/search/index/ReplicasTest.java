package org.ipdex.search.index;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicasTest {

    @Test
    void autoLetsTheClusterKeepOneReplicaWhenItHasASecondDataNode() {
        assertEquals(Map.of("auto_expand_replicas", "0-1"), new Replicas("auto").settings());
        assertEquals(Map.of("auto_expand_replicas", "0-1"), new Replicas(" AUTO ").settings());
    }

    @Test
    void aNumberFixesTheReplicas() {
        assertEquals(Map.of("auto_expand_replicas", "false", "number_of_replicas", 2), new Replicas("2").settings());
        assertEquals(Map.of("auto_expand_replicas", "false", "number_of_replicas", 0), new Replicas("0").settings());
    }

    @Test
    void anythingElseIsRefusedAtStartUp() {
        for (String wrong : new String[]{"-1", "one", "", "0-1"}) {
            ConfigurationException refused = assertThrows(ConfigurationException.class, () -> new Replicas(wrong));
            assertTrue(refused.getMessage().contains("ipdex.elasticsearch.replicas"), refused.getMessage());
        }
    }
}
