package dev.autonomy.bandit.obd;

import dev.autonomy.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One behaviour policy's log for one campaign of the Open Bandit Dataset, with its items: {@code
 * ROOT/BEHAVIOUR/CAMPAIGN/CAMPAIGN.csv[.gz]} and {@code ROOT/BEHAVIOUR/CAMPAIGN/item_context.csv}.
 *
 * @param behaviour {@code random} (uniform) or {@code bts} (Bernoulli Thompson sampling)
 * @param campaign {@code men}, {@code women} or {@code all}
 */
public record ObdCampaign(String behaviour, String campaign, List<ObdImpression> log, List<ObdItem> items) {
  public static final Set<String> BEHAVIOURS = Set.of("random", "bts");
  public static final Set<String> CAMPAIGNS = Set.of("men", "women", "all");

  public ObdCampaign {
    log = List.copyOf(log);
    items = List.copyOf(items);
  }

  /** Reads a campaign's log and items from the data set's folder. */
  public static ObdCampaign load(Path root, String behaviour, String campaign) {
    if (!BEHAVIOURS.contains(behaviour)) {
      throw new InvalidInputException("unknown behaviour policy '" + behaviour + "'; expected one of " + BEHAVIOURS);
    }
    if (!CAMPAIGNS.contains(campaign)) {
      throw new InvalidInputException("unknown campaign '" + campaign + "'; expected one of " + CAMPAIGNS);
    }
    Path dir = root.resolve(behaviour).resolve(campaign);
    Path log = dir.resolve(campaign + ".csv.gz");
    if (!Files.isRegularFile(log)) {
      log = dir.resolve(campaign + ".csv");
    }
    if (!Files.isRegularFile(log)) {
      throw new InvalidInputException(dir + ": no " + campaign + ".csv.gz or " + campaign + ".csv");
    }
    List<ObdItem> items = ObdReader.readItems(dir.resolve("item_context.csv"));
    List<ObdImpression> impressions = ObdReader.readLog(log);
    if (impressions.get(0).items() != items.size()) {
      throw new InvalidInputException(log + ": has affinities for " + impressions.get(0).items() + " items, "
          + dir.resolve("item_context.csv") + " lists " + items.size());
    }
    return new ObdCampaign(behaviour, campaign, impressions, items);
  }

  /** The share of impressions clicked: the logging policy's own CTR. */
  public double clickRate() {
    return log.stream().mapToInt(ObdImpression::click).average().orElse(0);
  }

  /** The largest position in the log (3 in the published data). */
  public int positions() {
    return log.stream().mapToInt(ObdImpression::position).max().orElse(0);
  }
}
