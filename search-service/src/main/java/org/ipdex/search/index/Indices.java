package org.ipdex.search.index;

import jakarta.inject.Singleton;

/** Resolves the names of this service's indices, with the configured prefix. */
@Singleton
public class Indices {

    private final String prefix;

    public Indices(ElasticsearchProperties properties) {
        this.prefix = properties.indexPrefix();
    }

    /** The alias that every read and write goes through. */
    public String alias(IndexDefinition index) {
        return prefix + index.baseName();
    }

    /** The concrete index created for the current mapping version. */
    public String concrete(IndexDefinition index) {
        return alias(index) + "-v" + index.version();
    }

    public String apis() {
        return alias(IndexDefinition.APIS);
    }

    public String operations() {
        return alias(IndexDefinition.OPERATIONS);
    }

    public String checkpoints() {
        return alias(IndexDefinition.CHECKPOINTS);
    }
}
