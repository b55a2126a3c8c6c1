package org.ipdex.testdata;

/**
 * The smallest spec the catalogue takes without complaint, for the tests that need an API registered rather than a
 * spec examined: one operation (listOppositions, GET /oppositions), searchable by "opposition".
 */
public final class SmallSpec {

    private SmallSpec() {
    }

    public static String titled(String title) {
        return """
                openapi: 3.0.3
                info:
                  title: %s
                  version: 1.0.0
                  description: Oppositions filed against granted Ruritanian patents.
                paths:
                  /oppositions:
                    get:
                      operationId: listOppositions
                      summary: Oppositions filed
                      responses:
                        '200':
                          description: The oppositions
                """.formatted(title);
    }
}
