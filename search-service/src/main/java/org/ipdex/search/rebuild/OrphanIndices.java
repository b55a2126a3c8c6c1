package org.ipdex.search.rebuild;

import org.ipdex.search.index.IndexBuilds;
import org.ipdex.search.index.IndexDefinition;
import org.ipdex.search.index.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Concrete catalog indices that no alias points at: what a rebuild leaves when the service dies before it is done
 * — its new indices, killed while copying or before the alias move, or the old ones, killed between the alias move
 * and their drop. Nobody reads or writes them; each holds a full copy of the catalogue.
 */
final class OrphanIndices {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanIndices.class);

    private OrphanIndices() {
    }

    /**
     * Deletes every {@code <alias>-v*} index of the rebuilt indices that its alias does not point at.
     *
     * @param keep the indices of the rebuild now running, not behind the alias yet
     * @return the indices deleted
     */
    static Set<String> drop(IndexBuilds builds, Indices indices, Set<String> keep) throws IOException {
        Set<String> dropped = new TreeSet<>();
        for (IndexDefinition index : IndexDefinition.rebuilt()) {
            String alias = indices.alias(index);
            Set<String> orphans = new TreeSet<>(builds.matching(alias + "-v*"));
            orphans.removeAll(builds.indicesOf(alias));
            orphans.removeAll(keep);
            if (!orphans.isEmpty()) {
                LOG.info("Deleting indices of a rebuild that did not finish: {}", orphans);
                builds.delete(orphans);
                dropped.addAll(orphans);
            }
        }
        return dropped;
    }
}
