package org.ipdex.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error body must never tell a caller: how ipdex is built inside (stack traces, SQL, class names) or where
 * its backends live. Every finding names the request, so a leak can be traced to the answer that carried it.
 */
final class ErrorBodyLeaks {

    /** Case-sensitive on purpose: the probes send their SQL in lower case, so an echoed input is not a finding. */
    private static final List<String> MARKERS = List.of(
            // stack traces
            "at org.", "at java.", ".java:",
            // SQL and PostgreSQL's own words
            "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "syntax error at", "duplicate key", "violates",
            "SQLState", "PSQLException",
            // class and package names
            "org.ipdex.", "io.micronaut.", "java.lang.", "java.util.", "com.fasterxml", "reactor.", "io.netty.");

    /** An exception's name, but not a word that merely contains one ({@code /lintExceptions}). */
    private static final Pattern EXCEPTION = Pattern.compile("\\b\\w*Exception\\b");

    private final List<String> addresses = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private int checked;

    /** @param backendPorts the ports of the services, PostgreSQL and Elasticsearch behind the gateway */
    ErrorBodyLeaks(Collection<Integer> backendPorts) {
        for (int port : backendPorts) {
            addresses.add("127.0.0.1:" + port);
            addresses.add("localhost:" + port);
            addresses.add(":" + port + "/");
        }
    }

    /** Checks one answer that is not a success; {@code request} says which, for the finding. */
    void check(String request, Http.Answer answer) {
        checked++;
        if (!answer.contentType().startsWith("application/problem+json")) {
            findings.add(request + " -> " + answer.status() + " is " + quoted(answer.contentType())
                    + ", not application/problem+json: " + abbreviated(answer.body()));
        }
        for (String marker : MARKERS) {
            if (answer.body().contains(marker)) {
                findings.add(request + " -> " + answer.status() + " shows " + quoted(marker) + ": "
                        + abbreviated(answer.body()));
            }
        }
        Matcher exception = EXCEPTION.matcher(answer.body());
        if (exception.find()) {
            findings.add(request + " -> " + answer.status() + " shows " + quoted(exception.group()) + ": "
                    + abbreviated(answer.body()));
        }
        for (String address : addresses) {
            if (answer.body().contains(address)) {
                findings.add(request + " -> " + answer.status() + " names the backend address " + quoted(address)
                        + ": " + abbreviated(answer.body()));
            }
        }
    }

    int checked() {
        return checked;
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }
}
