package org.ipdex.cli.authority;

import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.authority.ingest.ColumnMapping;
import org.ipdex.authority.ingest.UpdateCategory;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Failures;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A delimited file's description, as the office writes it once ({@code MAP.yaml}):
 * <pre>
 * columns: [number, kind, date, -, exceptionCode]   # file order; "-" skips a column; also office, action
 * delimiter: ","                                     # one character or "tab"; default ";"
 * header: true                                       # line 1 is a header; omitted: detected
 * category: full                                     # convert: update-af-category of the ST.37 file
 * kinds: {A1: Application with search report}        # the definition part; validate checks codes against it
 * exceptionCodes: {W: Withdrawn}
 * </pre>
 * The columns go through the service's own {@link ColumnMapping#parse}, so a mapping that works here works for
 * {@code layout=delimited} uploads too.
 */
public record MappingFile(ColumnMapping columns, Optional<UpdateCategory> category, OfficeDefinitions definitions) {

    public static MappingFile read(Path file) {
        Object loaded;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw CliFailure.input(file + ": not a readable YAML mapping file (" + Failures.oneLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw Failures.about(file.toString(), e);
        }
        if (!(loaded instanceof Map<?, ?> yaml)) {
            throw CliFailure.input(file + ": expected keys columns, delimiter, header, kinds, exceptionCodes");
        }
        Object columns = yaml.get("columns");
        String columnList = columns instanceof List<?> list ? String.join(",", list.stream().map(value -> String.valueOf(value)).toList())
                : columns == null ? null : String.valueOf(columns);
        try {
            ColumnMapping mapping = ColumnMapping.parse(columnList, text(yaml.get("delimiter")), text(yaml.get("header")));
            Optional<UpdateCategory> category = Optional.ofNullable(text(yaml.get("category"))).flatMap(UpdateCategory::of);
            if (yaml.get("category") != null && category.isEmpty()) {
                throw CliFailure.input(file + ": category must be full, incremental or differential");
            }
            return new MappingFile(mapping, category, new OfficeDefinitions(codes(file, yaml, "kinds"),
                    codes(file, yaml, "exceptionCodes")));
        } catch (RuntimeException e) {
            throw Failures.about(file.toString(), e);
        }
    }

    private static Map<String, String> codes(Path file, Map<?, ?> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw CliFailure.input(file + ": " + key + " must map each code to its description");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        map.forEach((code, description) -> codes.put(String.valueOf(code).strip(),
                description == null ? "" : String.valueOf(description).strip()));
        return codes;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
