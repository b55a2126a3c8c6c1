package org.ipdex.common.problem;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientMessagesTest {

    private static final List<String> INTERNALS = List.of("org.ipdex.", "java.lang.", "com.fasterxml", "io.micronaut.",
            "Exception", ".java:", "Source:", "StreamReadFeature", "at org.");

    @Test
    void aConversionErrorKeepsTheParameterAndValueButNotTheCause() {
        assertEquals("Failed to convert argument [limit] for value [99999999999999999999]",
                ClientMessages.clean("Failed to convert argument [limit] for value [99999999999999999999] due to: "
                        + "java.lang.NumberFormatException: For input string: \"99999999999999999999\""));
    }

    @Test
    void aBodyThatDoesNotBindNamesNoClassAndNoParserInternals() {
        String cleaned = ClientMessages.clean("Error decoding property [String code] of type "
                + "[class org.ipdex.gateway.account.OfficeRequest]: Unexpected character ('c' (code 99)): was expecting "
                + "double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` "
                + "disabled); line: 1, column: 3]");

        assertClean(cleaned);
        assertTrue(cleaned.contains("was expecting double-quote to start field name"), cleaned);
        assertTrue(cleaned.contains("[line 1, column 3]"), cleaned);
        assertTrue(cleaned.contains("[OfficeRequest]"), cleaned);
    }

    @Test
    void jacksonsTypeNamesAndReferenceChainsGo() {
        String cleaned = ClientMessages.clean("Cannot deserialize value of type `java.lang.Integer` from String "
                + "\"many\": not a valid `java.lang.Integer` value (through reference chain: "
                + "org.ipdex.authority.scope.ScopeRequest[\"entries\"]->java.util.ArrayList[0])");

        assertClean(cleaned);
        assertEquals("Cannot deserialize value of type Integer from String \"many\": not a valid Integer value", cleaned);
    }

    @Test
    void aStackTraceIsCutToItsMessage() {
        String cleaned = ClientMessages.clean("java.lang.IllegalStateException: the cursor is not valid\n"
                + "\tat org.ipdex.catalog.api.ApiController.list(ApiController.java:62)\n"
                + "\tat io.micronaut.http.server.RouteExecutor.execute(RouteExecutor.java:300)");

        assertClean(cleaned);
        assertEquals("the cursor is not valid", cleaned);
    }

    @Test
    void ourOwnMessagesAreLeftAsTheyAre() {
        for (String message : List.of("No API ep-legal-status-lookup", "Unknown rule st90.uri.lower-camel-case",
                "Line 3: expected a mapping", "must be a WIPO ST.3 code: two uppercase letters",
                "The source URL https://ops.epo.org/3.2/rest-services is not allowed",
                "Error decoding the request body")) {
            assertEquals(message, ClientMessages.clean(message));
        }
    }

    @Test
    void aVeryLongEchoIsCut() {
        String cleaned = ClientMessages.clean("No API " + "x".repeat(5000));
        assertEquals(ClientMessages.MAX_LENGTH + 1, cleaned.length());
    }

    @Test
    void everyProblemIsCleanedDetailAndErrorsAlike() {
        Problem problem = Problems.of(null, HttpStatus.BAD_REQUEST, "bad-request",
                "Failed to convert argument [body] due to: com.fasterxml.jackson.core.JsonParseException: boom",
                List.of(ProblemError.atParameter("body", "of type [class org.ipdex.catalog.lint.RuleSettingRequest]")));

        assertEquals("Failed to convert argument [body]", problem.detail());
        assertEquals("of type [RuleSettingRequest]", problem.errors().get(0).message());
        assertEquals("body", problem.errors().get(0).parameter());
    }

    private static void assertClean(String message) {
        for (String internal : INTERNALS) {
            assertFalse(message.contains(internal), "'" + internal + "' in: " + message);
        }
    }
}
