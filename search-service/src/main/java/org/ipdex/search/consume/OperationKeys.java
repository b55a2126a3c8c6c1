package org.ipdex.search.consume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The document id of an operation: its API, method and path, readable unless it outgrows Elasticsearch's ids. */
final class OperationKeys {

    /** Elasticsearch refuses ids over 512 bytes. */
    private static final int MAX_ID_BYTES = 512;

    private OperationKeys() {
    }

    static String of(String apiId, String method, String path) {
        String key = apiId + ":" + method.toLowerCase(Locale.ROOT) + ":" + path;
        if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
            return key;
        }
        return apiId + ":" + sha256(method.toLowerCase(Locale.ROOT) + ":" + path);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
