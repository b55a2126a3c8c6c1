package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One JSON or YAML file read by {@link DocumentReader}: its text as uploaded and its tree.
 *
 * @param name    the file's path inside a bundle, or a label for a single upload
 * @param repairs what had to be forgiven to read it (e.g. trailing tabs), for the uploader to fix
 */
public record Document(String name, String text, JsonNode tree, Syntax syntax, List<String> repairs) {
}
