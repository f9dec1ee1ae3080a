package dev.autonomy.bandit.obd;

import java.util.List;

/**
 * One row of an Open Bandit Dataset log: an item shown at a position to a user, and whether it was
 * clicked.
 *
 * @param index the row's index in the file (its first, unnamed column)
 * @param timestamp when, as written in the file
 * @param itemId the item shown (0-based)
 * @param position where it was shown, 1 (left) to 3 (right)
 * @param click 1 when it was clicked, else 0
 * @param propensity the logging policy's probability of showing this item at this position
 * @param userFeatures the hashed categorical user features, {@code user_feature_0..3}
 * @param affinity the user's affinity to every item ({@code user-item_affinity_0..K-1}), by item id
 */
public record ObdImpression(long index, String timestamp, int itemId, int position, int click, double propensity,
    List<String> userFeatures, double[] affinity) {
  public ObdImpression {
    userFeatures = List.copyOf(userFeatures);
    affinity = affinity.clone();
  }

  /** A copy of the affinities. */
  @Override
  public double[] affinity() {
    return affinity.clone();
  }

  /** The user's affinity to one item. */
  public double affinity(int item) {
    return affinity[item];
  }

  public int items() {
    return affinity.length;
  }
}
