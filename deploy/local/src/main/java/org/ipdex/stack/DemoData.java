package org.ipdex.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Loads the real office specs through the public API, as an office would. Safe to run on every start: an
 * existing office answers 409, and so does an existing API ({@code POST /apis} never adds a version): the loader
 * then sends the spec to that API's versions endpoint, where an unchanged spec registers nothing.
 */
final class DemoData {

    record Office(String code, String name, String country, String contactEmail) {
    }

    /**
     * One spec file, or a bundle: a folder of files of which {@code resource} is the root.
     *
     * @param apiId the id it is registered under: the slug of its office and title, as the catalog derives it
     */
    record Spec(String officeCode, String apiId, String resource, List<String> bundle) {
    }

    static final List<Office> OFFICES = List.of(
            new Office("EP", "European Patent Office", "EP", "patentdata@epo.org"),
            new Office("US", "United States Patent and Trademark Office", "US", "data@uspto.gov"),
            new Office("DE", "Deutsches Patent- und Markenamt", "DE", "datenabgabe@dpma.de"));

    static final List<Spec> SPECS = List.of(
            new Spec("EP", "ep-open-patent-services-api", "epo-ops/ops-swagger2.yaml", List.of()),
            new Spec("DE", "de-dpma-connect-plus-api-unofficial", "dpma-connect-plus/openapi.yaml", List.of()),
            new Spec("US", "us-open-data-portal-odp-api", "uspto-odp/swagger.yaml", List.of("swagger.yaml", "odp-common-base.yaml",
                    "oa-citations.yaml", "oa-enriched-citations.yaml", "oa-rejections.yaml", "oa-text-retrieval.yaml",
                    "trial-appeal-decisions.yaml", "trial-common.yaml", "trial-decisions.yaml", "trial-documents.yaml",
                    "trial-interferences.yaml", "trial-proceedings.yaml")));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String adminKey;

    DemoData(String gateway, String adminKey) {
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    /** @return how many specs were newly registered */
    int load(Path corpus) {
        for (Office office : OFFICES) {
            String json = """
                    {"code":"%s","name":"%s","country":"%s","contactEmail":"%s"}"""
                    .formatted(office.code(), office.name(), office.country(), office.contactEmail());
            HttpResponse<String> answer = post("/api/v1/admin/offices", "application/json", json.getBytes());
            if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                throw new IllegalStateException("Creating office " + office.code() + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
        }
        int registered = 0;
        for (Spec spec : SPECS) {
            HttpResponse<String> answer = register(spec, "/api/v1/catalog/apis?office=" + spec.officeCode()
                    + "&apiId=" + spec.apiId(), corpus);
            if (answer.statusCode() == 409) {
                answer = register(spec, "/api/v1/catalog/apis/" + spec.apiId() + "/versions", corpus);
            }
            if (answer.statusCode() == 201) {
                registered++;
            } else if (answer.statusCode() != 200) {
                throw new IllegalStateException("Registering " + spec.resource() + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
        }
        return registered;
    }

    private HttpResponse<String> register(Spec spec, String path, Path corpus) {
        return spec.bundle().isEmpty()
                ? post(path, "application/yaml", read(corpus, spec.resource()))
                : post(path + (path.contains("?") ? "&" : "?") + "main=" + Path.of(spec.resource()).getFileName(),
                "application/zip", zip(corpus, spec));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multi-file spec travels as a zip whose relative $refs the catalog resolves inside the bundle only. */
    private static byte[] zip(Path corpus, Spec spec) {
        Path folder = Path.of(spec.resource()).getParent();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String file : spec.bundle()) {
                out.putNextEntry(new ZipEntry(file));
                out.write(read(corpus, folder.resolve(file).toString()));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The shared corpus when it is beside the checkout, else the copies shipped in this module. */
    private static byte[] read(Path corpus, String resource) {
        try {
            if (corpus != null && Files.isRegularFile(corpus.resolve(resource))) {
                return Files.readAllBytes(corpus.resolve(resource));
            }
            try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("Demo spec missing: " + resource);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
