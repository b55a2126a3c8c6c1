package org.ipdex.search.index;

/**
 * The indices this service owns. Each is read and written through an alias; the concrete index behind it is
 * named after the mapping version ({@code apis-v1}), so a changed mapping becomes a new resource
 * {@code index/apis-v2.json}, a new index filled from the feeds, and an alias swap.
 */
public enum IndexDefinition {

    APIS("apis", 1),
    OPERATIONS("operations", 1),
    CHECKPOINTS("ipdex-checkpoints", 1);

    private final String baseName;
    private final int version;

    IndexDefinition(String baseName, int version) {
        this.baseName = baseName;
        this.version = version;
    }

    public String baseName() {
        return baseName;
    }

    public int version() {
        return version;
    }

    String mappingResource() {
        return "index/" + baseName + "-v" + version + ".json";
    }
}
