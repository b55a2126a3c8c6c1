package org.ipdex.catalog.spec;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.PayloadTooLargeException;
import org.ipdex.common.problem.ProblemError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads an uploaded bundle with bounded memory. A zip is streamed entry by entry and the inflated bytes are
 * counted as they come (the sizes a zip declares are not believed), so a zip bomb stops at the limit; an entry
 * name that is absolute or climbs out of the bundle is refused rather than skipped. Files other than JSON and YAML
 * (a LICENSE, a README) are ignored.
 */
@Singleton
public class BundleReader {

    private static final int CHUNK = 64 * 1024;

    private final SpecLimits limits;

    public BundleReader(SpecLimits limits) {
        this.limits = limits;
    }

    public Bundle readZip(byte[] zip, String main) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.maxBundleFiles()) {
                    throw new PayloadTooLargeException("The zip has more than " + limits.maxBundleFiles() + " entries");
                }
                String name = entryName(entry.getName());
                if (entry.isDirectory() || name.startsWith("__MACOSX/")) {
                    continue;
                }
                byte[] content = inflate(in, limits.maxSpecSize() - total);
                total += content.length;
                if (isSpecFile(name) && files.put(name, content) != null) {
                    throw new InvalidInputException("The zip holds " + name + " twice",
                            List.of(ProblemError.atPointer(name, "duplicate entry")));
                }
            }
        } catch (ZipException corrupt) {
            throw new InvalidInputException("Not a readable zip: " + corrupt.getMessage());
        } catch (IllegalArgumentException badName) {
            // ZipInputStream throws this, not a ZipException, for an entry name that is not UTF-8 (found by fuzzing)
            throw new InvalidInputException("Not a readable zip: an entry's name is not UTF-8 (after entry "
                    + entries + ")");
        } catch (EOFException truncated) {
            // ZipInputStream reports a zip cut off inside an entry's header or data as the end of its input
            throw new InvalidInputException("Not a readable zip: it ends inside an entry (cut off?)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("The zip holds no JSON or YAML file");
        }
        String folder = commonFolder(files);
        return new Bundle(withoutFolder(files, folder), main == null ? null : withoutFolder(entryName(main), folder),
                zip);
    }

    /**
     * A zip of a folder puts every file under the folder's name; without it, the same files zipped or sent as
     * multipart parts are the same content.
     */
    private static String commonFolder(Map<String, byte[]> files) {
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String folder = first.substring(0, slash + 1);
        return files.keySet().stream().allMatch(name -> name.startsWith(folder)) ? folder : "";
    }

    private static Map<String, byte[]> withoutFolder(Map<String, byte[]> files, String folder) {
        Map<String, byte[]> stripped = new TreeMap<>();
        files.forEach((name, content) -> stripped.put(name.substring(folder.length()), content));
        return stripped;
    }

    private static String withoutFolder(String name, String folder) {
        return name.startsWith(folder) ? name.substring(folder.length()) : name;
    }

    /** Parts of a multipart upload: file name (or part name) → bytes; the stored original is a zip of them. */
    public Bundle readParts(Map<String, byte[]> parts, String main) {
        if (parts.size() > limits.maxBundleFiles()) {
            throw new PayloadTooLargeException("More than " + limits.maxBundleFiles() + " files");
        }
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            total += part.getValue().length;
            if (total > limits.maxSpecSize()) {
                throw new PayloadTooLargeException("The files add up to more than " + limits.maxSpecSize() + " bytes");
            }
            String name = entryName(part.getKey());
            if (files.put(name, part.getValue()) != null) {
                throw new InvalidInputException("Two files are named " + name,
                        List.of(ProblemError.atParameter(part.getKey(), "duplicate file name")));
            }
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("A bundle upload needs at least one file part");
        }
        return new Bundle(files, main == null ? null : entryName(main), zip(files));
    }

    /** A relative path without "." and ".." segments, or a 400 when it is absolute or leaves the bundle. */
    static String entryName(String raw) {
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw traversal(raw, "is absolute");
        }
        Optional<String> normalised = RefChecker.resolvePath("", name);
        if (normalised.isEmpty()) {
            throw traversal(raw, "leaves the bundle");
        }
        return normalised.get();
    }

    private static InvalidInputException traversal(String name, String why) {
        return new InvalidInputException("Bundle entry '" + name + "' " + why,
                List.of(ProblemError.atPointer(name, "path " + why)));
    }

    static boolean isSpecFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private byte[] inflate(InputStream in, long allowed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        long read = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read += n;
            if (read > allowed) {
                throw new PayloadTooLargeException("The zip inflates to more than " + limits.maxSpecSize() + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0); // the same parts always give the same bytes
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
