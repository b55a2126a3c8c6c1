package org.ipdex.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import jakarta.inject.Singleton;
import org.ipdex.catalog.spec.BundleReader;
import org.ipdex.common.problem.InvalidInputException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells the upload forms apart: a zip (by media type or magic bytes), a {@code {"sourceUrl": …}} request, a
 * multipart upload (one file, or the files of a bundle), or else one document.
 */
@Singleton
class UploadForms {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SOURCE_REQUEST_MAX = 8 * 1024;

    private final BundleReader bundles;

    UploadForms(BundleReader bundles) {
        this.bundles = bundles;
    }

    SpecUpload of(byte[] body, @Nullable MediaType type, @Nullable String main) {
        String name = type == null ? "" : type.getName();
        if (name.equals("application/zip") || name.equals("application/x-zip-compressed") || isZip(body)) {
            return new SpecUpload.Archive(bundles.readZip(body, main));
        }
        if (body.length <= SOURCE_REQUEST_MAX && name.equals(MediaType.APPLICATION_JSON)) {
            JsonNode request = sourceRequest(body);
            if (request != null) {
                return new SpecUpload.Source(sourceUrl(request.get("sourceUrl").asText()));
            }
        }
        return new SpecUpload.Document(body);
    }

    /**
     * The parts of a multipart upload: one file part is a document (or a zip), several are the files of a bundle
     * whose root the {@code main} field names.
     */
    SpecUpload of(MultipartBody body, @Nullable String mainParameter) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder main = new StringBuilder(mainParameter == null ? "" : mainParameter);
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload file) {
                        String fileName = file.getFilename() == null || file.getFilename().isBlank()
                                ? file.getName() : file.getFilename();
                        files.put(fileName, file.getBytes());
                    } else if ("main".equals(part.getName()) && main.isEmpty()) {
                        main.append(new String(part.getBytes(), StandardCharsets.UTF_8).strip());
                    }
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        await(done);
        String mainFile = main.isEmpty() ? null : main.toString();
        if (files.size() == 1) {
            // one file is a file: stored as the JSON or YAML it is, not wrapped into a zip bundle
            byte[] only = files.values().iterator().next();
            return isZip(only) ? new SpecUpload.Archive(bundles.readZip(only, mainFile)) : new SpecUpload.Document(only);
        }
        return new SpecUpload.Archive(bundles.readParts(files, mainFile));
    }

    private static boolean isZip(byte[] body) {
        return body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException("The multipart upload broke off", e.getCause()));
        } catch (TimeoutException e) {
            throw new InvalidInputException("The multipart upload did not complete in time");
        }
    }

    private static JsonNode sourceRequest(byte[] body) {
        try {
            JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            boolean isRequest = node != null && node.isObject() && node.path("sourceUrl").isTextual()
                    && !node.has("openapi") && !node.has("swagger");
            return isRequest ? node : null;
        } catch (IOException notJson) {
            return null; // the spec parser will say where the JSON is broken
        }
    }

    /** Only parsed here: which URLs may be fetched is the fetch policy's call, made in one place for every hop. */
    private static URI sourceUrl(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw InvalidInputException.parameter("sourceUrl", "is not a URL: " + e.getMessage());
        }
    }
}
