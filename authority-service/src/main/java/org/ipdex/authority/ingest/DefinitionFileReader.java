package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.authority.definition.DefinitionFiles;
import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a separate definition file: the XML definition part ({@code <authority-file-definition>} as root, or an
 * authority file whose entries are ignored), or delimited text {@code type;code;description} with type {@code kind}
 * or {@code exception}. The XML goes through the ST.37 reader, with its protections.
 */
@Singleton
public final class DefinitionFileReader implements DefinitionFiles {

    private final AuthorityFileReader xml;

    public DefinitionFileReader(List<AuthorityFileReader> readers) {
        this.xml = readers.stream().filter(reader -> reader.layout().equals("st37-xml")).findFirst().orElseThrow();
    }

    @Override
    public OfficeDefinitions read(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).stripLeading();
        OfficeDefinitions definitions = text.startsWith("<") || text.startsWith("\uFEFF<") ? readXml(content) : readText(text);
        if (definitions.isEmpty()) {
            throw new InvalidInputException("The definition file defines no kind or exception codes");
        }
        return definitions;
    }

    private OfficeDefinitions readXml(byte[] content) {
        try (RecordSource source = xml.open(new ByteArrayInputStream(content), null)) {
            return source.header().definitions();
        } catch (MalformedFileException e) {
            throw new InvalidInputException(e.getMessage(), e.line() > 0
                    ? List.of(ProblemError.atLine(e.line(), e.column(), e.getMessage())) : List.of());
        } catch (IOException e) {
            throw new InvalidInputException("Unreadable definition file: " + e.getMessage());
        }
    }

    private static OfficeDefinitions readText(String text) {
        Map<String, String> kinds = new HashMap<>();
        Map<String, String> exceptions = new HashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("type"))) {
                continue;
            }
            String[] fields = line.split(line.indexOf(';') >= 0 ? ";" : line.indexOf('\t') >= 0 ? "\t" : ",", 3);
            String type = fields[0].strip().toLowerCase(Locale.ROOT);
            if (fields.length < 2 || !(type.equals("kind") || type.startsWith("exception"))) {
                throw new InvalidInputException("Expected type;code;description", List.of(ProblemError.atLine(i + 1,
                        null, "type must be kind or exception, then the code")));
            }
            (type.equals("kind") ? kinds : exceptions).put(fields[1].strip(), fields.length > 2 ? fields[2].strip() : "");
        }
        return new OfficeDefinitions(kinds, exceptions);
    }
}
