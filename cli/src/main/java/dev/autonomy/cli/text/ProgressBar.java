package dev.autonomy.cli.text;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place: {@code epoch 2/3 [#######.....] 84/152
 * loss 0.4312}. Redraws at most once per percent, so a long run does not flood a log; {@link
 * #done} ends the line.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final int total;
  private int drawnPercent = -1;

  ProgressBar(PrintWriter err, String label, int total) {
    if (total < 1) {
      throw new IllegalArgumentException("a progress bar needs a total of at least 1, was " + total);
    }
    this.err = err;
    this.label = label;
    this.total = total;
  }

  /** Shows {@code done} of the total and a note ("loss 0.43"). */
  void update(int done, String note) {
    int percent = (int) (100L * done / total);
    if (percent == drawnPercent && done != total) {
      return;
    }
    drawnPercent = percent;
    err.print("\r" + line(done, note));
    err.flush();
  }

  /** Draws the full bar with a final note and ends the line. */
  void done(String note) {
    err.println("\r" + line(total, note));
    err.flush();
  }

  /** The bar as text (without the carriage return). */
  String line(int done, String note) {
    int filled = (int) ((long) WIDTH * Math.min(done, total) / total);
    return String.format(Locale.ROOT, "%s [%s%s] %d/%d%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
        done, total, note.isEmpty() ? "" : " " + note);
  }
}
