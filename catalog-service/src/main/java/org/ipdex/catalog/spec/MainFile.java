package org.ipdex.catalog.spec;

import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks a bundle's root document when the uploader did not name it: the OpenAPI document no other file refers
 * to; among several (the USPTO bundle carries four stand-alone specs beside its root), the one called
 * openapi.* or swagger.* nearest the top. Still ambiguous → 400 asking for {@code main}.
 */
final class MainFile {

    private MainFile() {
    }

    static String choose(String named, Map<String, Document> documents, List<String> referenced) {
        if (named != null) {
            if (!documents.containsKey(named)) {
                throw InvalidInputException.parameter("main", "the bundle has no JSON or YAML file " + named);
            }
            return named;
        }
        List<String> roots = documents.entrySet().stream()
                .filter(entry -> SpecShape.looksLikeSpec(entry.getValue().tree()))
                .map(Map.Entry::getKey).filter(name -> !referenced.contains(name)).toList();
        if (roots.size() == 1) {
            return roots.get(0);
        }
        List<String> conventional = roots.stream().filter(MainFile::conventionalName)
                .sorted(Comparator.comparingInt((String name) -> name.split("/").length)).toList();
        if (!conventional.isEmpty() && (conventional.size() == 1
                || depth(conventional.get(0)) < depth(conventional.get(1)))) {
            return conventional.get(0);
        }
        String candidates = roots.isEmpty() ? "none of the files is an OpenAPI document" : "candidates: " + roots;
        throw new InvalidInputException("Name the bundle's root file with `main` (" + candidates + ")",
                List.of(ProblemError.atParameter("main", candidates)));
    }

    private static boolean conventionalName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return file.matches("(openapi|swagger)\\.(ya?ml|json)");
    }

    private static int depth(String path) {
        return path.split("/").length;
    }
}
