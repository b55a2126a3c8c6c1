package org.ipdex.testdata;

import java.time.LocalDate;

/**
 * One authority-file entry as the generator made it.
 *
 * @param office        ST.3 code
 * @param number        the number as an office writes it (EP zero-padded to 7 digits, US pre-grant 11 digits)
 * @param kind          ST.16 kind code
 * @param date          publication date, never after the file's production date
 * @param exceptionCode empty string when the entry has a document behind it
 */
public record GeneratedRecord(String office, String number, String kind, LocalDate date, String exceptionCode) {

    /** Office plus number without leading zeros: what ipdex stores as {@code number_key}. */
    public String numberKey() {
        int start = 0;
        while (start < number.length() - 1 && number.charAt(start) == '0') {
            start++;
        }
        return office + number.substring(start);
    }

    public String yyyymmdd() {
        int y = date.getYear();
        int m = date.getMonthValue();
        int d = date.getDayOfMonth();
        char[] out = new char[8];
        out[0] = (char) ('0' + y / 1000);
        out[1] = (char) ('0' + y / 100 % 10);
        out[2] = (char) ('0' + y / 10 % 10);
        out[3] = (char) ('0' + y % 10);
        out[4] = (char) ('0' + m / 10);
        out[5] = (char) ('0' + m % 10);
        out[6] = (char) ('0' + d / 10);
        out[7] = (char) ('0' + d % 10);
        return new String(out);
    }
}
