package org.ipdex.cli.server;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr, so that stdout stays the report a script reads. On a terminal it redraws one line; in
 * a log (CI, a pipe) it writes a line at each quarter, since a log cannot redraw and a line per update would bury it.
 */
public final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private long lastDrawn;
    private int lastQuarter = -1;
    private boolean drawn;

    /** @param terminal redraw in place ({@code System.console() != null}), else a line per quarter */
    public ProgressBar(PrintWriter err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    /**
     * @param fraction done so far, 0..1; null when unknown (only the text is shown)
     * @param text     what to show beside the bar: bytes sent, rows read, the rate
     */
    public synchronized void update(Double fraction, String text) {
        if (terminal) {
            long now = System.nanoTime();
            if (drawn && now - lastDrawn < REDRAW_NANOS) {
                return;
            }
            lastDrawn = now;
            err.print("\r" + line(fraction, text) + "\u001b[K");
            err.flush();
            drawn = true;
            return;
        }
        int quarter = fraction == null ? lastQuarter : (int) Math.floor(Math.min(1, fraction) * 4);
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            err.println(line(fraction, text));
            err.flush();
            drawn = true;
        }
    }

    /** The last state, and the line ended: what follows starts on a line of its own. */
    public synchronized void finish(Double fraction, String text) {
        if (terminal) {
            err.println("\r" + line(fraction, text) + "\u001b[K");
        } else if (fraction == null || lastQuarter < 4) {
            err.println(line(fraction, text));
        }
        err.flush();
    }

    private String line(Double fraction, String text) {
        if (fraction == null) {
            return String.format(Locale.ROOT, "%-7s %s", label, text);
        }
        double done = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(done * WIDTH);
        return String.format(Locale.ROOT, "%-7s [%s%s] %3d%%  %s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(done * 100), text);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
