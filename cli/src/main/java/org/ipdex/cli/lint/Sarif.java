package org.ipdex.cli.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Violation;
import org.ipdex.cli.Json;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning views read (GitHub's among them): every rule in {@code tool.driver.rules},
 * every violation a result whose physical location is the file and the line the linter's line index gave, so the
 * finding is shown on that line of the spec. Paths are relative to the working directory (the repository root in a
 * CI job) under {@code %SRCROOT%}, which is how code scanning matches them to files of the repository.
 */
public final class Sarif {

    public static final String VERSION = "2.1.0";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** WIPO Standard ST.90 itself: the rules are its requirements, filed under its sections. */
    private static final String ST90 = "https://www.wipo.int/export/sites/www/standards/en/pdf/03-90-01.pdf";

    private Sarif() {
    }

    public static void write(List<LintedSpec> specs, List<RuleInfo> rules, String toolVersion, PrintWriter out) {
        Path root = Path.of("").toAbsolutePath();
        ObjectNode sarif = Json.mapper().createObjectNode();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", VERSION);
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ipdex");
        driver.put("version", toolVersion);
        driver.put("informationUri", ST90);
        Map<String, Integer> index = new HashMap<>();
        ArrayNode ruleNodes = driver.putArray("rules");
        for (RuleInfo rule : rules) {
            index.put(rule.id(), index.size());
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.putObject("shortDescription").put("text", rule.title());
            node.putObject("fullDescription").put("text", rule.title() + " (ST.90 " + rule.level() + ", "
                    + rule.section().title() + (rule.officialId() == null ? "" : ", " + rule.officialId()) + ")");
            node.put("helpUri", ST90);
            node.putObject("help").put("text", rule.level() + ": " + rule.title() + " — section " + rule.section().title());
            node.putObject("defaultConfiguration").put("level", level(rule.level()));
            node.putObject("properties").putArray("tags").add("ST.90").add(rule.section().title());
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", root.toUri().toString());
        ArrayNode results = run.putArray("results");
        for (LintedSpec spec : specs) {
            for (Violation violation : spec.report().violations()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", violation.ruleId());
                if (index.containsKey(violation.ruleId())) {
                    result.put("ruleIndex", index.get(violation.ruleId()));
                }
                result.put("level", level(violation.severity()));
                result.putObject("message").put("text", violation.message());
                ObjectNode location = result.putArray("locations").addObject();
                ObjectNode physical = location.putObject("physicalLocation");
                artifact(physical.putObject("artifactLocation"), spec.linesFile(), root);
                physical.putObject("region").put("startLine", violation.line() == null ? 1 : violation.line());
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", violation.pointer())
                        .put("kind", "member");
                result.putObject("properties").put("pointer", violation.pointer());
            }
        }
        Json.write(sarif, out);
    }

    /** Inside the working directory: a relative path under %SRCROOT%; elsewhere: an absolute file URI. */
    private static void artifact(ObjectNode node, Path file, Path root) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            node.put("uri", root.relativize(absolute).toString().replace('\\', '/'));
            node.put("uriBaseId", "%SRCROOT%");
        } else {
            node.put("uri", absolute.toUri().toString());
        }
    }

    /** MUST → error, SHOULD → warning, MAY → note: ST.90's words as SARIF's levels. */
    static String level(Level level) {
        return switch (level) {
            case MUST -> "error";
            case SHOULD -> "warning";
            case MAY -> "note";
        };
    }
}
