package org.ipdex.search.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code sort}: relevance (the default with search text), title (the default without), updated (newest first). */
public enum SortOrder {
    RELEVANCE, TITLE, UPDATED;

    static Optional<SortOrder> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.strip())).findFirst();
    }

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
