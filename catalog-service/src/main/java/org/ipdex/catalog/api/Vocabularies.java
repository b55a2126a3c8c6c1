package org.ipdex.catalog.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The WIPO API Catalog's controlled vocabularies, matched without regard to case, spaces or hyphens, so
 * "industrial-design" and "Industrial Design" both become "Industrial design".
 */
final class Vocabularies {

    static final List<String> IP_DOMAINS = List.of("Patent", "Trademark", "Industrial design", "Copyright",
            "Geographical Indication", "Plant Variety Protection", "Integrated Circuit Layout Design");
    static final List<String> SERVICE_TYPES = List.of("Account Management", "Application Management",
            "Communication", "Dissemination", "Payment", "Portfolio Management", "Register", "Search", "Translation");
    static final List<String> CONTENT_TYPES = List.of("Abstract", "Bibliographic data", "Citation data", "Claims",
            "Classification", "Court decision", "Description", "Family Data", "Full-Text", "Legal status data",
            "Licensing data", "Office Action data", "Payment related data", "Terminology data");
    static final List<String> ACCESS_MODELS = List.of("open", "registration", "paid");
    static final List<String> LIFECYCLES = List.of("draft", "production", "deprecated", "retired");
    static final List<String> AUTHENTICATION = List.of("apiKey", "http-basic", "http-bearer", "http-digest",
            "oauth2", "openIdConnect", "mutualTLS");

    private static final Map<List<String>, Map<String, String>> INDEX = Map.of(
            IP_DOMAINS, index(IP_DOMAINS), SERVICE_TYPES, index(SERVICE_TYPES), CONTENT_TYPES, index(CONTENT_TYPES),
            ACCESS_MODELS, index(ACCESS_MODELS), LIFECYCLES, index(LIFECYCLES), AUTHENTICATION, index(AUTHENTICATION));

    private Vocabularies() {
    }

    /** The vocabulary's own spelling of a value, if it is one of its terms. */
    static Optional<String> canonical(List<String> vocabulary, String value) {
        return Optional.ofNullable(INDEX.get(vocabulary).get(key(value)));
    }

    /** Values from a spec: known terms in their canonical spelling, unknown ones kept as written (real data). */
    static List<String> lenient(List<String> vocabulary, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(value -> out.add(canonical(vocabulary, value).orElse(value.strip())));
        return new ArrayList<>(out);
    }

    /** ISO 639-1: "en-US", "EN" and "en" are all "en"; anything else is not a language code. */
    static Optional<String> language(String value) {
        String primary = value.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? Optional.of(primary) : Optional.empty();
    }

    private static Map<String, String> index(List<String> terms) {
        return terms.stream().collect(Collectors.toMap(Vocabularies::key, Function.identity()));
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }
}
