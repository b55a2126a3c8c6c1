package org.ipdex.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests that are wrong on purpose (malformed JSON, a wrong content type, numbers too large for any column, ids
 * that do not exist, SQL in paths and queries), each sent by a caller allowed to make it, so the error comes from
 * the layer that parses and looks up, which is where internals tend to leak. The SQL is lower case so that an
 * error echoing the input is told apart from a database error ({@link ErrorBodyLeaks} looks for upper case).
 */
final class BrokenRequests {

    /** One broken request; {@code what} says how it is broken. */
    record Probe(String what, Caller caller, String method, String path, String contentType, String body) {
    }

    private static final String JSON = "application/json";
    private static final String HUGE = "99999999999999999999999999";
    private static final String SQL = MatrixFixture.encoded("x' or '1'='1'; drop table api; --");
    private static final String UNION = MatrixFixture.encoded("1 union select password from api_key --");

    private final MatrixFixture fixture;

    BrokenRequests(MatrixFixture fixture) {
        this.fixture = fixture;
    }

    List<Probe> probes() {
        String api = "/api/v1/catalog/apis/" + fixture.apiId;
        String office = fixture.officeA;
        List<Probe> probes = new ArrayList<>();
        // malformed bodies
        probes.add(new Probe("malformed JSON", Caller.ADMIN, "POST", "/api/v1/admin/apiKeys", JSON, "{\"name\": \"x\","));
        probes.add(new Probe("malformed JSON", Caller.ADMIN, "POST", "/api/v1/admin/offices", JSON, "{code: QQ}"));
        probes.add(new Probe("malformed JSON", Caller.OFFICE_A, "PATCH", api, "application/merge-patch+json", "{\"description\""));
        probes.add(new Probe("malformed JSON", Caller.OFFICE_A, "POST", api + "/lintExceptions", JSON, "[{]"));
        probes.add(new Probe("malformed JSON", Caller.OFFICE_A, "PUT", "/api/v1/catalog/offices/" + office, JSON, "{\"name\":"));
        probes.add(new Probe("malformed JSON", Caller.ADMIN, "PUT", "/api/v1/catalog/lintRules", JSON, "[{\"ruleId\":"));
        probes.add(new Probe("malformed JSON", Caller.ADMIN, "PUT", "/api/v1/authority/scope", JSON, "{\"entries\": [}"));
        probes.add(new Probe("JSON of the wrong shape", Caller.ADMIN, "PUT", "/api/v1/catalog/lintRules/" + fixture.ruleId,
                JSON, "{\"enabled\":\"sometimes\",\"level\":\"LOUD\"}"));
        probes.add(new Probe("JSON of the wrong shape", Caller.ADMIN, "POST", "/api/v1/admin/apiKeys", JSON, "[1,2,3]"));
        probes.add(new Probe("malformed JSON", Caller.OFFICE_A, "POST", "/api/v1/webhooks/subscriptions", JSON, "{\"url\":"));
        probes.add(new Probe("JSON of the wrong shape", Caller.OFFICE_A, "POST", "/api/v1/webhooks/subscriptions", JSON,
                "{\"url\":[1],\"types\":\"api.version.published\",\"offices\":{}}"));
        probes.add(new Probe("a receiver URL that is no URL", Caller.OFFICE_A, "POST", "/api/v1/webhooks/subscriptions",
                JSON, "{\"url\":\"http://[::1\"}"));
        probes.add(new Probe("JSON of the wrong shape", Caller.ADMIN, "PUT", "/api/v1/authority/scope", JSON,
                "{\"entries\":[{\"office\":7,\"kinds\":\"A1\",\"fromYear\":\"" + HUGE + "\"}]}"));
        probes.add(new Probe("malformed spec", Caller.OFFICE_A, "POST", "/api/v1/catalog/apis?office=" + office,
                "application/yaml", "openapi: [3.0.3\ninfo: {"));
        probes.add(new Probe("malformed spec", Caller.ANONYMOUS, "POST", "/api/v1/catalog/lintReports", JSON, "{\"openapi\":"));
        // wrong content types
        probes.add(new Probe("wrong content type", Caller.ADMIN, "POST", "/api/v1/admin/offices", "text/plain", "code=QQ"));
        probes.add(new Probe("wrong content type", Caller.ADMIN, "PUT", "/api/v1/authority/scope", "application/xml", "<scope/>"));
        probes.add(new Probe("wrong content type", Caller.OFFICE_A, "POST", api + "/lintExceptions", "image/png", "PNG"));
        probes.add(new Probe("wrong content type", Caller.OFFICE_A, "PUT", "/api/v1/authority/offices/" + office
                + "/definitions", "application/pdf", "%PDF-1.4"));
        // numbers too large
        probes.add(new Probe("huge number", Caller.ANONYMOUS, "GET", "/api/v1/authority/editions/" + HUGE, null, null));
        probes.add(new Probe("huge number", Caller.ANONYMOUS, "GET", "/api/v1/catalog/apis?limit=" + HUGE, null, null));
        probes.add(new Probe("huge number", Caller.ANONYMOUS, "GET", "/api/v1/authority/records?office=" + office
                + "&fromYear=" + HUGE, null, null));
        probes.add(new Probe("huge number", Caller.ANONYMOUS, "GET", "/api/v1/authority/scope?version=" + HUGE, null, null));
        probes.add(new Probe("huge number", Caller.ANONYMOUS, "GET", "/api/v1/search/apis?q=x&limit=" + HUGE, null, null));
        probes.add(new Probe("huge number", Caller.ANONYMOUS, "GET", "/api/v1/authority/editions/" + fixture.editionId
                + "/diff?against=" + HUGE, null, null));
        probes.add(new Probe("negative number", Caller.ANONYMOUS, "GET", "/api/v1/authority/editions/-1", null, null));
        // unknown ids
        probes.add(new Probe("unknown id", Caller.ANONYMOUS, "GET", "/api/v1/catalog/apis/no-such-api", null, null));
        probes.add(new Probe("unknown id", Caller.ANONYMOUS, "GET", api + "/versions/9.9.9/spec", null, null));
        probes.add(new Probe("unknown id", Caller.ANONYMOUS, "GET", "/api/v1/authority/editions/987654321", null, null));
        probes.add(new Probe("unknown id", Caller.ANONYMOUS, "GET", "/api/v1/authority/coverageChecks/no-such-check", null, null));
        probes.add(new Probe("unknown id", Caller.ADMIN, "GET", "/api/v1/admin/apiKeys/00000000-0000-0000-0000-000000000000", null, null));
        probes.add(new Probe("unknown id", Caller.ADMIN, "GET", "/api/v1/admin/apiKeys/not-a-uuid", null, null));
        probes.add(new Probe("unknown id", Caller.ADMIN, "GET", "/api/v1/admin/offices/ZZ", null, null));
        probes.add(new Probe("unknown id", Caller.ADMIN, "GET", "/api/v1/search/rebuilds/no-such-rebuild", null, null));
        probes.add(new Probe("unknown id", Caller.OFFICE_A, "PATCH", "/api/v1/catalog/apis/no-such-api",
                "application/merge-patch+json", "{\"description\":\"x\"}"));
        probes.add(new Probe("key for an office that does not exist", Caller.ADMIN, "POST", "/api/v1/admin/apiKeys", JSON,
                "{\"name\":\"ghost\",\"role\":\"office\",\"officeCode\":\"ZZ\"}"));
        probes.add(new Probe("office that exists already", Caller.ADMIN, "POST", "/api/v1/admin/offices", JSON,
                "{\"code\":\"" + office + "\",\"name\":\"Again\",\"country\":\"" + office
                        + "\",\"contactEmail\":\"again@example.org\"}"));
        probes.add(new Probe("unknown rule", Caller.OFFICE_A, "POST", api + "/lintExceptions", JSON,
                "{\"ruleId\":\"no.such.rule\",\"justification\":\"x\"}"));
        probes.add(new Probe("unknown route", Caller.ANONYMOUS, "GET", "/api/v1/catalog/nothingHere", null, null));
        probes.add(new Probe("unknown route", Caller.ANONYMOUS, "DELETE", "/api/v1/catalog/apis/" + fixture.apiId, null, null));
        // SQL in paths and queries
        probes.add(new Probe("SQL in a path", Caller.ANONYMOUS, "GET", "/api/v1/catalog/apis/" + SQL, null, null));
        probes.add(new Probe("SQL in a path", Caller.ANONYMOUS, "GET", "/api/v1/authority/documents/" + UNION, null, null));
        probes.add(new Probe("SQL in a path", Caller.ANONYMOUS, "GET", "/api/v1/authority/offices/" + SQL + "/editions", null, null));
        probes.add(new Probe("SQL in a path", Caller.ANONYMOUS, "GET", "/api/v1/catalog/offices/" + SQL, null, null));
        probes.add(new Probe("SQL in a path", Caller.OFFICE_A, "GET", "/api/v1/webhooks/subscriptions/" + SQL
                + "/deliveryAttempts", null, null));
        probes.add(new Probe("SQL in a query", Caller.OFFICE_A, "GET", "/api/v1/webhooks/subscriptions?cursor=" + SQL,
                null, null));
        probes.add(new Probe("SQL in a query", Caller.ANONYMOUS, "GET", "/api/v1/catalog/apis?cursor=" + SQL + "&limit=0", null, null));
        probes.add(new Probe("SQL in a query", Caller.ANONYMOUS, "GET", "/api/v1/authority/records?office=" + SQL, null, null));
        probes.add(new Probe("SQL in a query", Caller.ANONYMOUS, "GET", "/api/v1/authority/records?office=" + office
                + "&kind=" + UNION + "&fromYear=" + UNION, null, null));
        probes.add(new Probe("SQL in a query", Caller.ANONYMOUS, "GET", api + "/diff?from=" + SQL + "&to=" + UNION, null, null));
        probes.add(new Probe("SQL in a query", Caller.ANONYMOUS, "GET", "/api/v1/search/apis?q=x&cursor=" + SQL, null, null));
        probes.add(new Probe("SQL in a query", Caller.ADMIN, "GET", "/api/v1/admin/apiKeys?officeCode=" + SQL
                + "&cursor=" + UNION, null, null));
        return probes;
    }
}
