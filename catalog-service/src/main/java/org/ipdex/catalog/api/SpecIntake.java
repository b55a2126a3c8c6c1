package org.ipdex.catalog.api;

import jakarta.inject.Singleton;
import org.ipdex.common.fetch.FetchException;
import org.ipdex.catalog.fetch.HttpAnswer;
import org.ipdex.catalog.fetch.SafeFetcher;
import org.ipdex.catalog.spec.Bundle;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecLimits;
import org.ipdex.catalog.spec.SpecParser;
import org.ipdex.catalog.spec.Syntax;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.PayloadTooLargeException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Turns any {@link SpecUpload} into an {@link AcceptedSpec}, or a 400/413 that names what is wrong. */
@Singleton
class SpecIntake {

    private final SpecParser parser;
    private final SafeFetcher fetcher;
    private final SpecLimits limits;

    SpecIntake(SpecParser parser, SafeFetcher fetcher, SpecLimits limits) {
        this.parser = parser;
        this.fetcher = fetcher;
        this.limits = limits;
    }

    AcceptedSpec accept(SpecUpload upload) {
        if (upload instanceof SpecUpload.Document document) {
            return document(document.content(), "upload", null);
        }
        if (upload instanceof SpecUpload.Archive archive) {
            return bundle(archive.bundle());
        }
        SpecUpload.Source source = (SpecUpload.Source) upload;
        return document(fetch(source.url()), "url", source.url().toString());
    }

    private AcceptedSpec document(byte[] content, String origin, String sourceUrl) {
        ParsedSpec spec = parser.parse(content);
        return new AcceptedSpec(spec, content, syntax(spec.originalText()).mediaType(), sha256(content), origin,
                sourceUrl);
    }

    private AcceptedSpec bundle(Bundle bundle) {
        ParsedSpec spec = parser.parse(bundle);
        MessageDigest digest = digest();
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) { // sorted by name
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(digest(file.getValue()));
        }
        return new AcceptedSpec(spec, bundle.original(), Bundle.MEDIA_TYPE, HexFormat.of().formatHex(digest.digest()),
                "bundle", null);
    }

    private byte[] fetch(URI url) {
        try {
            HttpAnswer answer = fetcher.fetch(url, limits.maxSpecSize());
            if (answer.status() < 200 || answer.status() > 299) {
                throw InvalidInputException.parameter("sourceUrl", answer.uri() + " answered HTTP " + answer.status());
            }
            return answer.body();
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.TOO_LARGE) {
                throw new PayloadTooLargeException("The spec at " + url + " is larger than " + limits.maxSpecSize()
                        + " bytes");
            }
            String why = e.refused() ? "refused: " : "could not be fetched: ";
            throw InvalidInputException.parameter("sourceUrl", why + e.getMessage());
        }
    }

    private static Syntax syntax(String text) {
        String start = text == null ? "" : text.stripLeading();
        return start.startsWith("{") ? Syntax.JSON : Syntax.YAML;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest(content));
    }

    private static byte[] digest(byte[] content) {
        return digest().digest(content);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
