package org.ipdex.catalog.diff;

import org.ipdex.catalog.lint.CorpusSpecs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3 item 5: on Swagger 2.0 / OpenAPI 3.0 pairs our breaking verdict agrees with openapi-diff-core's on at
 * least 95% of pairs. The bundled specs always run; the shared corpus adds its 286 real specs when present.
 */
class DiffAgreementTest {

    @Test
    void agreesWithOpenApiDiffOnBundledPairs() throws IOException {
        List<Mutations.Pair> pairs = new ArrayList<>();
        for (String name : List.of("petstore-swagger2.json", "catalogue-openapi30.yaml")) {
            pairs.addAll(Mutations.of(name, resource("/diff/" + name)));
        }
        assertAgreement(pairs, "bundled");
    }

    @Test
    void agreesWithOpenApiDiffOnTheCorpus() throws IOException {
        Assumptions.assumeTrue(CorpusSpecs.available(), "../shared corpus not present");
        List<Mutations.Pair> pairs = new ArrayList<>();
        for (Map.Entry<String, byte[]> spec : CorpusSpecs.all().entrySet()) {
            pairs.addAll(Mutations.of(spec.getKey(), new String(spec.getValue(), StandardCharsets.UTF_8)));
        }
        assertAgreement(pairs, "corpus");
    }

    private static void assertAgreement(List<Mutations.Pair> pairs, String label) throws IOException {
        Agreement.Result result = Agreement.measure(pairs);
        String report = String.format("%s: %d pairs, %d agree (%.2f%%)%n", label, result.pairs(), result.agreed(),
                result.percent()) + result.disagreements().stream()
                .map(o -> "- " + o.pair() + ": ipdex " + o.ours() + ", openapi-diff " + o.theirs() + " — "
                        + o.evidence().stream().map(Change::message).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/diff-agreement-" + label + ".md"), report);
        System.out.println(report);
        assertTrue(result.pairs() > 10, report);
        assertTrue(result.percent() >= 95.0, report);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DiffAgreementTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
