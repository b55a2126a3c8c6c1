package org.ipdex.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's static files, checked without a browser: both languages have the same texts, every text the
 * scripts ask for exists, and no script writes markup from strings (API data must only ever become text).
 */
class PortalTextsTest {

    private static final Path PUBLIC = Path.of(System.getProperty("ipdex.repository", ".."))
            .resolve("gateway/src/main/resources/public");
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\(\"([A-Za-z0-9_.]+)\"[,)]");

    @Test
    void englishAndChineseHaveTheSameTexts() throws IOException {
        Set<String> english = catalogue("en").keySet();
        Set<String> chinese = catalogue("zh").keySet();
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        onlyEnglish.removeIf(key -> key.endsWith(".one")); // English singulars; Chinese has no plural
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "missing in zh.json");
        assertEquals(Set.of(), onlyChinese, "missing in en.json");
    }

    @Test
    void everyTextAScriptAsksForExists() throws IOException {
        Set<String> english = catalogue("en").keySet();
        Set<String> missing = new TreeSet<>();
        for (Path script : scripts()) {
            Matcher keys = LITERAL_KEY.matcher(Files.readString(script));
            while (keys.find()) {
                if (!english.contains(keys.group(1))) {
                    missing.add(keys.group(1) + " (" + script.getFileName() + ")");
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void noScriptWritesMarkupFromStrings() throws IOException {
        for (Path script : scripts()) {
            String text = Files.readString(script);
            for (String sink : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"}) {
                assertTrue(!text.contains(sink), script + " uses " + sink);
            }
        }
    }

    /** The portal's translation table of one language ("en", "zh"): key → text. */
    @SuppressWarnings("unchecked")
    static Map<String, String> catalogue(String language) throws IOException {
        return new ObjectMapper().readValue(PUBLIC.resolve("i18n/" + language + ".json").toFile(), Map.class);
    }

    private static Iterable<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(PUBLIC.resolve("js"))) {
            return files.filter(path -> path.toString().endsWith(".js")).toList();
        }
    }
}
