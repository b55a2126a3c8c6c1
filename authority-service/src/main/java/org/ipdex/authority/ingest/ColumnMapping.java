package org.ipdex.authority.ingest;

import org.ipdex.common.problem.InvalidInputException;

import java.util.List;
import java.util.Locale;

/**
 * Where each field sits in a delimited line (0-based column, -1 when absent). The named layouts are fixed
 * mappings; any other delimited file is read with a mapping the uploader declares, e.g.
 * {@code mapping=number,kind,date,-,exceptionCode&delimiter=|}.
 *
 * @param header {@code true}: skip line 1; {@code false}: line 1 is data; {@code null}: skip it when its number
 *               column holds no digit (a header row)
 */
public record ColumnMapping(char delimiter, Boolean header, int office, int number, int kind, int date,
                            int exceptionCode, int action) {

    private static final List<String> FIELDS = List.of("office", "number", "kind", "date", "exceptioncode", "action");

    /** EPO: {@code country;doc-number;kind;date;exception-code[;action]}, header row optional. */
    public static final ColumnMapping EPO_CSV = new ColumnMapping(';', null, 0, 1, 2, 3, 4, 5);
    /** USPTO: {@code US+number, kind, date, status, abstract, description, claims} — status is the exception code. */
    public static final ColumnMapping USPTO_TSV = new ColumnMapping('\t', null, -1, 0, 1, 2, 3, -1);

    /**
     * @param columns   comma-separated field names in column order; {@code -} (or any unknown name) skips a column
     * @param delimiter one character; {@code \t} or {@code tab} for tabs; default {@code ;}
     * @param header    "true", "false" or null for auto-detection
     */
    public static ColumnMapping parse(String columns, String delimiter, String header) {
        if (columns == null || columns.isBlank()) {
            throw InvalidInputException.parameter("mapping", "the delimited layout needs a column mapping, "
                    + "e.g. mapping=office,number,kind,date,exceptionCode");
        }
        int[] at = {-1, -1, -1, -1, -1, -1};
        String[] names = columns.split(",");
        for (int i = 0; i < names.length; i++) {
            int field = FIELDS.indexOf(names[i].strip().toLowerCase(Locale.ROOT));
            if (field >= 0) {
                if (at[field] >= 0) {
                    throw InvalidInputException.parameter("mapping", names[i].strip() + " is mapped twice");
                }
                at[field] = i;
            }
        }
        if (at[1] < 0 || at[2] < 0 || at[3] < 0) {
            throw InvalidInputException.parameter("mapping", "number, kind and date columns are required");
        }
        return new ColumnMapping(delimiterOf(delimiter), header == null ? null : Boolean.parseBoolean(header),
                at[0], at[1], at[2], at[3], at[4], at[5]);
    }

    private static char delimiterOf(String text) {
        if (text == null || text.isEmpty()) {
            return ';';
        }
        if (text.equals("\\t") || text.equalsIgnoreCase("tab") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() != 1 || Character.isLetterOrDigit(text.charAt(0))) {
            throw InvalidInputException.parameter("delimiter", "must be one character that is not a letter or digit");
        }
        return text.charAt(0);
    }
}
