package org.ipdex.search.index;

import java.util.Arrays;
import java.util.List;

/**
 * The indices this service owns. Each is read and written through an alias; the concrete index behind it is
 * named after the mapping version ({@code apis-v2}, or {@code apis-v2-<rebuildId>} when a rebuild made it), so a
 * changed mapping becomes a new resource {@code index/apis-v3.json}, a new index filled from the feeds, and an
 * alias swap.
 */
public enum IndexDefinition {

    APIS("apis", 2, true),
    OPERATIONS("operations", 2, true),
    CHECKPOINTS("ipdex-checkpoints", 2, false),
    /** Which replica follows the feeds (consume.FeedLease); written by no feed, so never rebuilt. */
    LEASES("ipdex-leases", 1, false);

    private final String baseName;
    private final int version;
    private final boolean fromFeeds;

    IndexDefinition(String baseName, int version, boolean fromFeeds) {
        this.baseName = baseName;
        this.version = version;
        this.fromFeeds = fromFeeds;
    }

    public String baseName() {
        return baseName;
    }

    public int version() {
        return version;
    }

    /**
     * Filled by reading the feeds, so a rebuild recreates it. The checkpoints are not: an older checkpoints index is
     * copied into the current mapping at start-up instead, so its mappings may only ever gain fields.
     */
    public boolean fromFeeds() {
        return fromFeeds;
    }

    public static List<IndexDefinition> rebuilt() {
        return Arrays.stream(values()).filter(IndexDefinition::fromFeeds).toList();
    }

    public String mappingResource() {
        return "index/" + baseName + "-v" + version + ".json";
    }
}
