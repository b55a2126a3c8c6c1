package org.ipdex.search.index;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many replicas every index of this service gets ({@code ipdex.elasticsearch.replicas}). {@code auto} hands the
 * choice to Elasticsearch's {@code auto_expand_replicas: 0-1}: one replica while the cluster has a second data node,
 * none on a single node (which would otherwise stay yellow for good), adjusted by the cluster itself as nodes join
 * and leave. A number fixes it, for clusters where the operator wants more copies.
 */
@Singleton
public class Replicas {

    public static final String AUTO = "auto";

    private final Map<String, Object> settings;

    public Replicas(ElasticsearchProperties properties) {
        this(properties.replicas());
    }

    Replicas(String setting) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (AUTO.equalsIgnoreCase(setting.strip())) {
            values.put("auto_expand_replicas", "0-1");
        } else {
            int count;
            try {
                count = Integer.parseInt(setting.strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) {
                throw new ConfigurationException(ElasticsearchProperties.PREFIX + ".replicas must be 'auto' or a number "
                        + "of replicas (0, 1, …), not '" + setting + "'");
            }
            values.put("auto_expand_replicas", "false");
            values.put("number_of_replicas", count);
        }
        this.settings = Map.copyOf(values);
    }

    /** The index settings that say it, e.g. {@code auto_expand_replicas: 0-1}. */
    public Map<String, Object> settings() {
        return settings;
    }
}
