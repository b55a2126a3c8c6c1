package org.ipdex.catalog.spec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.PayloadTooLargeException;
import org.ipdex.common.problem.ProblemError;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of what reads an uploaded spec: {@link DocumentReader}, {@link SpecShape}, {@link RefChecker},
 * {@link TreeRepairs} and swagger-parser behind them ({@link SpecParser}), and {@link BundleReader} for zips. The
 * property: a {@link ParsedSpec}, or a 400 ({@link InvalidInputException}) whose errors say where (a pointer or a
 * line), or a 413 for too much; never another exception, and never a library's own diagnosis (a class name, a
 * null-pointer message) in the problem's detail. A plain {@code verify} replays {@code SpecFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes (see bench/fuzz/run).
 */
class SpecFuzzTest {

    /** What a problem detail must not show: the text of an exception that was not meant for the uploader. */
    private static final Pattern LIBRARY_TEXT = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.fasterxml|org\\.yaml|io\\.swagger)\\.[a-z]+\\.|Exception\\b"
                    + "|Cannot invoke|because \"|Index \\d+ out of bounds");

    private final SpecParser parser = new SpecParser();
    private final BundleReader bundles = new BundleReader(SpecLimits.defaults());

    @FuzzTest
    void document(byte[] upload) {
        try {
            assertNotNull(parser.parse(upload).normalisedJson());
        } catch (InvalidInputException refused) {
            assertSaysWhere(refused, upload);
        } catch (PayloadTooLargeException refused) {
            assertClean(refused, upload);
        }
    }

    @FuzzTest
    void bundle(byte[] zip) {
        try {
            assertNotNull(parser.parse(bundles.readZip(zip, null)).normalisedJson());
        } catch (InvalidInputException refused) {
            assertClean(refused, zip);
        } catch (PayloadTooLargeException refused) {
            assertClean(refused, zip);
        }
    }

    private static void assertSaysWhere(InvalidInputException refused, byte[] upload) {
        assertClean(refused, upload);
        assertFalse(refused.errors().isEmpty(), () -> "no error says where: " + refused.getMessage());
        for (ProblemError error : refused.errors()) {
            assertTrue(error.pointer() != null || (error.line() != null && error.line() >= 1),
                    () -> "neither pointer nor line: " + error);
        }
    }

    /** The detail may quote the upload (a token, a key), but must not add a library's own words to it. */
    private static void assertClean(ApiException refused, byte[] upload) {
        assertNotNull(refused.getMessage());
        String sent = new String(upload, StandardCharsets.ISO_8859_1) + new String(upload, StandardCharsets.UTF_8);
        Matcher library = LIBRARY_TEXT.matcher(refused.getMessage());
        while (library.find()) {
            String found = library.group();
            assertTrue(sent.contains(found), () -> "a library's text reaches the uploader: " + refused.getMessage());
        }
    }
}
