package org.ipdex.common.problem;

import java.util.regex.Pattern;

/**
 * Keeps what an error tells a client about the request, and drops what it would tell about how ipdex is built.
 * The framework's own 4xx messages (a JSON body that does not bind, a parameter that does not convert) carry the
 * parser's source locations, the causing exception and the fully qualified class the body was meant for; a client
 * needs none of it, and an attacker learns the stack from it.
 */
final class ClientMessages {

    /** Long enough for any message of ours; an echoed input beyond it is cut. */
    static final int MAX_LENGTH = 1000;

    /** Micronaut's conversion errors end with the causing exception's own message. */
    private static final Pattern CAUSE = Pattern.compile("\\s*due to:.*", Pattern.DOTALL);
    private static final Pattern STACK_FRAME = Pattern.compile("\\s*\\bat [\\w$.]+\\([^)]*\\)");
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\s*\\(through reference chain: [^)]*\\)");
    /** Jackson's {@code [Source: REDACTED (`StreamReadFeature…` disabled); line: 1, column: 9]}. */
    private static final Pattern SOURCE = Pattern.compile(
            "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
    private static final Pattern CLASS_WORD = Pattern.compile("\\b(?:class|type|record) (?=(?:[a-z_][\\w$]*\\.){2,})");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.){2,}([A-Z][\\w$]*)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern BACKTICKS = Pattern.compile("`([^`]*)`");

    private ClientMessages() {
    }

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return message;
        }
        String text = CAUSE.matcher(message).replaceFirst("");
        text = STACK_FRAME.matcher(text).replaceAll("");
        text = REFERENCE_CHAIN.matcher(text).replaceAll("");
        text = SOURCE.matcher(text).replaceAll("[line $1, column $2]");
        text = CLASS_WORD.matcher(text).replaceAll("");
        text = QUALIFIED_NAME.matcher(text).replaceAll("$1");
        text = EXCEPTION_NAME.matcher(text).replaceAll("");
        text = BACKTICKS.matcher(text).replaceAll("$1");
        text = text.strip();
        if (text.isEmpty()) {
            return "The request could not be read";
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
