package org.ipdex.authority.ingest;

import java.util.Locale;
import java.util.Optional;

/** ST.37 update category of a file: what it does to the office's active set. */
public enum UpdateCategory {
    /** The whole list: replaces the active set. */
    FULL,
    /** New or corrected entries since the last edition: added on top of the active set. */
    INCREMENTAL,
    /** Additions and deletions: applied on top of the active set (see the ingest README for deletions). */
    DIFFERENTIAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UpdateCategory> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (UpdateCategory category : values()) {
            if (category.id().equalsIgnoreCase(text.strip())) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
