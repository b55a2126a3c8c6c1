package org.ipdex.cli.authority;

import org.ipdex.authority.ingest.AuthorityRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The semicolon text layout the EPO publishes as ST.37 v2.2-compliant ({@code country;doc-number;kind;date;
 * exception-code}, header row), which ipdex reads as {@code epo-csv}. Text has no room for the definition part, so
 * it goes to a companion definition file ({@code type;code;description}, as {@code PUT …/definitions} and
 * {@code ipdex authority validate --definitions} read it), when there is a place to write one.
 */
final class St37CsvSink implements St37Sink {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private final Writer out;
    private final Optional<OutputStream> definitions;
    private String office;

    St37CsvSink(OutputStream out, Optional<OutputStream> definitions) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.definitions = definitions;
    }

    @Override
    public void begin(Head head) throws IOException {
        office = head.office();
        out.write("country;doc-number;kind;date;exception-code\n");
        if (definitions.isPresent()) {
            Writer text = new OutputStreamWriter(definitions.get(), StandardCharsets.UTF_8);
            text.write("type;code;description\n");
            for (Map.Entry<String, String> kind : new java.util.TreeMap<>(head.definitions().kinds()).entrySet()) {
                text.write("kind;" + kind.getKey() + ";" + oneLine(kind.getValue()) + "\n");
            }
            for (Map.Entry<String, String> code : new java.util.TreeMap<>(head.definitions().exceptionCodes()).entrySet()) {
                text.write("exception;" + code.getKey() + ";" + oneLine(code.getValue()) + "\n");
            }
            text.flush();
        }
    }

    @Override
    public void entry(AuthorityRow row) throws IOException {
        out.write(office);
        out.write(';');
        out.write(row.docNumber());
        out.write(';');
        out.write(row.kind());
        out.write(';');
        if (row.epochDay() != AuthorityRow.NO_DATE) {
            out.write(LocalDate.ofEpochDay(row.epochDay()).format(BASIC));
        }
        out.write(';');
        out.write(row.exceptionCode() == null ? "" : row.exceptionCode());
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
