package org.ipdex.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of {@code src/test/resources/authorisation.csv}: who may call an operation, and whether it changes data.
 *
 * @param method   the HTTP method, upper case
 * @param path     the path template exactly as the OpenAPI document names it ({@code /api/v1/catalog/apis/{apiId}})
 * @param access   who may call it
 * @param kind     what it does to stored data
 * @param services for {@link Access#SERVICE} rows: the services that serve it on their own port
 */
record AuthorisationRow(String method, String path, Access access, Kind kind, List<String> services) {

    static final String RESOURCE = "/authorisation.csv";

    /** Who may call an operation. */
    enum Access {
        /** anyone, anonymous callers too (an unknown or revoked key is still refused: it is a broken client) */
        PUBLIC,
        /** the office that owns the resource, and administrators; another office gets 403 */
        OFFICE_OWN,
        /** administrators only */
        ADMIN,
        /** any valid key, each acting on what is its own (its webhook subscriptions); no key: refused */
        KEY,
        /** another ipdex service only, with its service token, on the service's own port; never through the gateway */
        SERVICE
    }

    /** What an operation does to stored data. */
    enum Kind {
        READ,
        /** a public POST whose work is a throwaway report (a lint report, a coverage check): no office's data changes */
        DRY_RUN,
        WRITE
    }

    AuthorisationRow {
        services = List.copyOf(services);
    }

    String operation() {
        return method + " " + path;
    }

    boolean internal() {
        return access == Access.SERVICE;
    }

    /** Rows that would be a hole in themselves, whatever the services do. */
    List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        boolean read = Set.of("GET", "HEAD").contains(method);
        if (read != (kind == Kind.READ)) {
            problems.add(operation() + ": a " + method + " must be " + (read ? "read" : "dry-run or write"));
        }
        if (access == Access.PUBLIC && kind == Kind.WRITE) {
            problems.add(operation() + ": an anonymous caller may never write an office's data");
        }
        if (internal() != path.startsWith("/internal/")) {
            problems.add(operation() + ": service access is for /internal/ paths, and only for them");
        }
        if (internal() == services.isEmpty()) {
            problems.add(operation() + ": name the services of an internal operation (and only of one)");
        }
        return problems;
    }

    static List<AuthorisationRow> load() {
        try (InputStream in = AuthorisationRow.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<AuthorisationRow> rows = new ArrayList<>();
            String header = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    header = text;
                    continue;
                }
                rows.add(parse(text));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuthorisationRow parse(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 5) {
            throw new IllegalArgumentException(RESOURCE + ": five cells expected in '" + line + "'");
        }
        String services = cells[4].strip();
        return new AuthorisationRow(cells[0].strip().toUpperCase(Locale.ROOT), cells[1].strip(),
                Access.valueOf(enumName(cells[2])), Kind.valueOf(enumName(cells[3])),
                services.isEmpty() ? List.of() : Arrays.asList(services.split("\\s+")));
    }

    private static String enumName(String cell) {
        return cell.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
