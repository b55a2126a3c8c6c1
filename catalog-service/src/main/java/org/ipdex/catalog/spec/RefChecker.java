package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks every {@code $ref} of an upload before a parser may follow one. A single document may only refer into
 * itself ({@code #/...}); a bundle's files may also refer to each other by relative path. Anything with a scheme
 * ({@code http:}, {@code file:}, {@code jar:}), an absolute path, or a path that climbs out of the bundle is refused
 * with the JSON pointer where it is written, so no network or disk access is ever attempted for it. References that
 * point at nothing are refused too: a version that cannot be resolved cannot be linted or diffed.
 */
final class RefChecker {

    private static final int MAX_REPORTED = 100;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Map<String, Document> files;
    private final List<ProblemError> errors = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    private RefChecker(Map<String, Document> files) {
        this.files = files;
    }

    /** A single upload: only local references. */
    static void checkSingle(Document document) {
        RefChecker checker = new RefChecker(null);
        checker.walk(document, document.tree(), "", null);
        checker.throwIfAny("reference");
    }

    /**
     * Every file of a bundle, keyed by its normalised path.
     *
     * @return the paths other files refer to (a root file is one nobody refers to)
     */
    static List<String> checkBundle(Map<String, Document> files) {
        RefChecker checker = new RefChecker(files);
        files.values().forEach(document -> checker.walk(document, document.tree(), "", null));
        checker.throwIfAny("reference");
        return checker.targets;
    }

    private void walk(Document document, JsonNode node, String pointer, String parentKey) {
        if (errors.size() >= MAX_REPORTED) {
            return;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                check(document, ref.asText(), pointer + "/$ref");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                // an example is data, not a reference, unless it is the name of a schema property
                if (!"example".equals(field.getKey()) || "properties".equals(parentKey)) {
                    walk(document, field.getValue(), pointer + "/" + escape(field.getKey()), field.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(document, node.get(i), pointer + "/" + i, null);
            }
        }
    }

    private void check(Document document, String ref, String pointer) {
        String where = files == null ? pointer : document.name() + "#" + pointer;
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        if (path.isEmpty()) {
            if (!resolves(document.tree(), fragment)) {
                fail(where, "$ref '" + ref + "' points at nothing in " + document.name());
            }
            return;
        }
        if (files == null) {
            fail(where, "$ref '" + ref + "' leaves the document; only references inside it (#/...) are accepted "
                    + "— upload a bundle (zip or multipart) for a spec of several files");
            return;
        }
        if (SCHEME.matcher(path).find() || path.startsWith("/") || path.contains("\\")) {
            fail(where, "$ref '" + ref + "' is absolute or has a scheme; a bundle may only refer to its own files "
                    + "by relative path");
            return;
        }
        Optional<String> target = resolvePath(document.name(), decode(path));
        if (target.isEmpty()) {
            fail(where, "$ref '" + ref + "' leaves the bundle");
            return;
        }
        Document file = files.get(target.get());
        if (file == null) {
            fail(where, "$ref '" + ref + "' names " + target.get() + ", which is not in the bundle");
        } else if (!resolves(file.tree(), fragment)) {
            fail(where, "$ref '" + ref + "' points at nothing in " + target.get());
        } else {
            targets.add(target.get());
        }
    }

    /** Resolves a relative path against the referring file's folder, without touching any file system. */
    static Optional<String> resolvePath(String from, String relative) {
        List<String> segments = new ArrayList<>(List.of(from.split("/")));
        segments.remove(segments.size() - 1);
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
    }

    private static boolean resolves(JsonNode tree, String fragment) {
        if (fragment.isEmpty()) {
            return true;
        }
        String pointer = decode(fragment);
        if (!pointer.startsWith("/")) {
            return true; // a plain-name fragment (an OpenAPI 3.1 $anchor) is left to the parser
        }
        try {
            return !tree.at(pointer).isMissingNode();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private void fail(String pointer, String message) {
        errors.add(ProblemError.atPointer(pointer, message));
    }

    private void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            String first = errors.get(0).message();
            throw new InvalidInputException(errors.size() + (errors.size() == 1 ? " " + what + " is" : " " + what
                    + "s are") + " not accepted; first: " + first + " (at " + errors.get(0).pointer() + ")", errors);
        }
    }
}
