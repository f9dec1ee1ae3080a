package dev.autonomy.bandit.obd;

import java.util.List;

/**
 * One row of an Open Bandit Dataset {@code item_context.csv}.
 *
 * @param itemId the item (0-based)
 * @param feature0 {@code item_feature_0}, numeric
 * @param categories {@code item_feature_1..3}, hashed categorical values
 */
public record ObdItem(int itemId, double feature0, List<String> categories) {
  public ObdItem {
    categories = List.copyOf(categories);
  }
}
