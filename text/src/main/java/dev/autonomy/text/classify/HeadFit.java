package dev.autonomy.text.classify;

import java.util.List;

/**
 * A trained head and how training went.
 *
 * @param head the weights of the best dev epoch
 * @param epochs epochs run before stopping
 * @param bestEpoch the epoch whose weights were kept (1-based)
 * @param devMacroF1 dev macro-F1 per epoch
 * @param settings the settings that trained it (after any selection on dev)
 */
public record HeadFit(Head head, int epochs, int bestEpoch, List<Double> devMacroF1, HeadSettings settings) {
  public HeadFit {
    devMacroF1 = List.copyOf(devMacroF1);
  }

  double bestDevMacroF1() {
    return devMacroF1.isEmpty() ? Double.NaN : devMacroF1.get(bestEpoch - 1);
  }
}
