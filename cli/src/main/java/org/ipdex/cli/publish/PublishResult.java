package org.ipdex.cli.publish;

import java.util.List;

/**
 * What publishing a spec did, or (from {@link Publisher#check}) would do.
 *
 * @param apiId           the API in the catalogue
 * @param version         the catalogue's version number the spec is (or would become): "1" for a new API
 * @param identical       the spec is byte for byte the API's latest version: nothing was (or would be) stored
 * @param breakingChanges the breaking changes against the previous version, one message each (empty for a new API)
 * @param st90Score       the ST.90 score, 0..100; null when the server gave none
 * @param st90Level       the ST.90 level (A, B, C…); null when the server gave none
 */
public record PublishResult(String apiId, String version, boolean identical, List<String> breakingChanges,
                            Double st90Score, String st90Level) {

    public PublishResult {
        breakingChanges = List.copyOf(breakingChanges);
    }

    public boolean breaking() {
        return !breakingChanges.isEmpty();
    }
}
