package org.ipdex.testdata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** Writes generated entries in one layout. The caller owns (and closes) the stream. */
public final class AuthorityFileWriter {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private AuthorityFileWriter() {
    }

    /**
     * @param category full, incremental or differential (XML only: the text layouts carry no category)
     * @return the number of entries written
     */
    public static long write(Layout layout, String office, LocalDate producedOn, String category,
                             Iterator<GeneratedRecord> records, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long written = switch (layout) {
            case ST37_XML -> xml(office, producedOn, category, records, writer);
            case EPO_CSV -> epoCsv(records, writer);
            case USPTO_TSV -> usptoTsv(records, writer);
            case BASELINE_CSV -> baseline(records, writer);
        };
        writer.flush();
        return written;
    }

    private static long xml(String office, LocalDate producedOn, String category, Iterator<GeneratedRecord> records,
                            Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<!DOCTYPE authority-file SYSTEM \"ST37AuthorityFile_V2-2.dtd\">\n");
        out.write("<authority-file country=\"" + office + "\" date-produced=\"" + producedOn.format(BASIC)
                + "\" dtd-version=\"2.2\">\n");
        out.write(definitionXml(office, category));
        long count = 0;
        while (records.hasNext()) {
            GeneratedRecord record = records.next();
            out.write("<authority-file-entry><publication-reference><document-id><country>");
            out.write(record.office());
            out.write("</country><doc-number>");
            out.write(record.number());
            out.write("</doc-number><kind>");
            out.write(record.kind());
            out.write("</kind><date>");
            out.write(record.yyyymmdd());
            out.write("</date></document-id></publication-reference>");
            if (!record.exceptionCode().isEmpty()) {
                out.write("<exception-code>");
                out.write(record.exceptionCode());
                out.write("</exception-code>");
            } else {
                out.write("<searchable-abstract-code><searchable-language-code>en</searchable-language-code>"
                        + "</searchable-abstract-code>");
            }
            out.write("</authority-file-entry>\n");
            count++;
        }
        out.write("</authority-file>\n");
        return count;
    }

    /** The definition part of an XML file; also usable alone as a definition file. */
    public static String definitionXml(String office, String category) {
        StringBuilder xml = new StringBuilder();
        xml.append("<authority-file-definition grouped-af-indicator=\"no\" update-af-category=\"")
                .append(category).append("\">\n<exception-code-list>\n");
        for (Map.Entry<String, String> code : OfficeCodes.exceptions(office).entrySet()) {
            xml.append("<exception-code-definition><exception-code>").append(code.getKey())
                    .append("</exception-code><exception-code-description>").append(code.getValue())
                    .append("</exception-code-description></exception-code-definition>\n");
        }
        xml.append("</exception-code-list>\n<document-kind-code-list>\n");
        for (Map.Entry<String, String> kind : OfficeCodes.kinds(office).entrySet()) {
            xml.append("<document-kind-code-definition><kind>").append(kind.getKey())
                    .append("</kind><document-kind-code-description>").append(kind.getValue())
                    .append("</document-kind-code-description></document-kind-code-definition>\n");
        }
        xml.append("</document-kind-code-list>\n</authority-file-definition>\n");
        return xml.toString();
    }

    /** A separate definition file in the delimited form ipdex reads: {@code type;code;description}. */
    public static String definitionCsv(String office) {
        StringBuilder csv = new StringBuilder("type;code;description\n");
        OfficeCodes.kinds(office).forEach((code, text) -> csv.append("kind;").append(code).append(';').append(text).append('\n'));
        OfficeCodes.exceptions(office).forEach((code, text) -> csv.append("exception;").append(code).append(';')
                .append(text).append('\n'));
        return csv.toString();
    }

    private static long epoCsv(Iterator<GeneratedRecord> records, Writer out) throws IOException {
        out.write("country;doc-number;kind;date;exception-code\n");
        long count = 0;
        while (records.hasNext()) {
            GeneratedRecord record = records.next();
            out.write(record.office());
            out.write(';');
            out.write(record.number());
            out.write(';');
            out.write(record.kind());
            out.write(';');
            out.write(record.yyyymmdd());
            out.write(';');
            out.write(record.exceptionCode());
            out.write('\n');
            count++;
        }
        return count;
    }

    private static long usptoTsv(Iterator<GeneratedRecord> records, Writer out) throws IOException {
        long count = 0;
        while (records.hasNext()) {
            GeneratedRecord record = records.next();
            out.write(record.office());
            out.write(record.number());
            out.write('\t');
            out.write(record.kind());
            out.write('\t');
            out.write(record.yyyymmdd());
            out.write('\t');
            boolean withdrawn = record.exceptionCode().equals("W");
            out.write(record.exceptionCode().isEmpty() ? " " : record.exceptionCode());
            out.write(withdrawn ? "\t\t\t\n" : "\ten\ten\ten\n");
            count++;
        }
        return count;
    }

    /** office,number_key,kind,publication_date,exception_code,doc_number — what a plain COPY loads. */
    private static long baseline(Iterator<GeneratedRecord> records, Writer out) throws IOException {
        long count = 0;
        while (records.hasNext()) {
            GeneratedRecord record = records.next();
            out.write(record.office());
            out.write(',');
            out.write(record.numberKey());
            out.write(',');
            out.write(record.kind());
            out.write(',');
            out.write(record.yyyymmdd());
            out.write(',');
            out.write(record.exceptionCode());
            out.write(',');
            out.write(record.number());
            out.write('\n');
            count++;
        }
        return count;
    }
}
