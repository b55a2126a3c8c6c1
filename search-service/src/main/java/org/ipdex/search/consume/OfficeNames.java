package org.ipdex.search.consume;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * English names of the offices (ST.3), so that typing "European" suggests the EPO's APIs even when the office has
 * no profile in catalog-service yet (its events then carry no office name).
 */
final class OfficeNames {

    private static final Properties NAMES = load();

    private OfficeNames() {
    }

    static Optional<String> of(String officeCode) {
        return officeCode == null ? Optional.empty()
                : Optional.ofNullable(NAMES.getProperty(officeCode.toUpperCase(Locale.ROOT)));
    }

    private static Properties load() {
        Properties names = new Properties();
        try (InputStream in = OfficeNames.class.getClassLoader().getResourceAsStream("offices.properties")) {
            if (in != null) {
                names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
