package org.ipdex.catalog.spec;

import org.ipdex.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zip reader alone, for the cases found by {@link SpecFuzzTest}. */
class BundleReaderTest {

    private final BundleReader reader = new BundleReader(SpecLimits.defaults());

    /** Found by SpecFuzzTest#bundle: ZipInputStream's EOFException escaped as a 500. */
    @Test
    void anEntryNameThatIsNotUtf8IsInvalidInput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("sp\u00e9c.yaml"));
            zip.write("openapi: 3.0.3\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> reader.readZip(out.toByteArray(), null));
        assertTrue(refused.getMessage().contains("not UTF-8"), refused.getMessage());
    }

    @Test
    void aZipCutOffInsideAnEntryIsInvalidInput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("openapi.yaml"));
            zip.write("openapi: 3.0.3\ninfo: {title: Cut, version: '1'}\npaths: {}\n".repeat(20)
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        // cut inside the first header the stream finds no entry at all ("holds no JSON or YAML file"); either way a 400
        for (int length : new int[] {20, 40, out.size() / 2}) {
            byte[] cut = Arrays.copyOf(out.toByteArray(), length);
            assertThrows(InvalidInputException.class, () -> reader.readZip(cut, null));
        }

        byte[] found;
        try (InputStream in = getClass().getResourceAsStream("SpecFuzzTestInputs/bundle/cut-off-mid-entry.zip")) {
            found = in.readAllBytes();
        }
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> reader.readZip(found, null));
        assertTrue(refused.getMessage().contains("cut off"), refused.getMessage());
    }
}
