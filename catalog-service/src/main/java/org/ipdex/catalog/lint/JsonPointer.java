package org.ipdex.catalog.lint;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 pointers: {@code ~} is written {@code ~0} and {@code /} is written {@code ~1} inside a token. */
public final class JsonPointer {

    private JsonPointer() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** {@code of("paths", "/a/b", "get")} is {@code /paths/~1a~1b/get}. */
    public static String of(Object... tokens) {
        StringBuilder pointer = new StringBuilder();
        for (Object token : tokens) {
            pointer.append('/').append(escape(String.valueOf(token)));
        }
        return pointer.toString();
    }

    /** Appends tokens to an existing pointer. */
    public static String append(String pointer, Object... tokens) {
        return pointer + of(tokens);
    }

    public static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(unescape(raw));
        }
        return tokens;
    }
}
