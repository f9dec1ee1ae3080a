package dev.autonomy.cli.text;

import dev.autonomy.text.classify.TextTrainer;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code text train} shows on stderr while the frozen-encoder path runs: the choice of
 * encoder, a progress bar per part encoded, and one for the head's candidate settings.
 */
final class TrainProgress implements TextTrainer.Listener {
  private final PrintWriter err;
  private ProgressBar encoding;
  private String encodingPart;
  private ProgressBar head;

  TrainProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void choosing(int candidates, int trainExamples, int devExamples) {
    err.printf(Locale.ROOT, "choosing the encoder among %d on a stratified sample of %,d train and %,d dev sentences%n",
        candidates, trainExamples, devExamples);
    err.flush();
  }

  @Override
  public void compared(String encoder, double devMacroF1) {
    err.printf(Locale.ROOT, "%s: dev macro-F1 %.4f on the sample%n", encoder, devMacroF1);
    err.flush();
  }

  @Override
  public void encoded(String part, int done, int total) {
    if (encoding == null || !part.equals(encodingPart)) {
      encoding = new ProgressBar(err, "encoding " + part, Math.max(1, total));
      encodingPart = part;
    }
    if (done >= total) {
      encoding.done("");
      encoding = null;
    } else {
      encoding.update(done, "");
    }
  }

  @Override
  public void fittingHeadOn(int trainExamples, int devExamples) {
    err.printf(Locale.ROOT, "fitting the head on %,d sentences, settings chosen on %,d dev sentences%n",
        trainExamples, devExamples);
    err.flush();
    head = null;
  }

  @Override
  public void fittingHead(int done, int total) {
    if (head == null) {
      head = new ProgressBar(err, "head settings", Math.max(1, total));
    }
    if (done >= total) {
      head.done("");
      head = null;
    } else {
      head.update(done, "fitted");
    }
  }
}
