package dev.autonomy.engine.audit;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Place;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the engine showed in the window, and whether that matches what the person wanted. Shares of
 * desires, options, places and exploration are over ranked items ({@code rec-} ids); plans (week
 * plans, trips, loops: {@code plan-} ids) are counted as their own category, since they are asked
 * for by name rather than ranked.
 *
 * @param requests ranked lists asked for
 * @param rankedShown items shown in those lists
 * @param plans plans offered
 * @param planItems plan items logged (a week plan and its sessions each count)
 * @param desires per desire: share shown against share wanted
 * @param servedRule when a desire is called over- or under-served
 * @param neverShown desires no ranked item served
 * @param concentration how much the shown items pile onto few options
 * @param places indoor / outdoor / either split
 * @param exploration how often an item was shown to learn rather than for its score
 * @param ruleRemovals options the person's rules removed most often
 */
public record Exposure(
    int requests,
    int rankedShown,
    int plans,
    int planItems,
    List<DesireExposure> desires,
    String servedRule,
    List<DesireType> neverShown,
    Concentration concentration,
    List<PlaceShare> places,
    ExplorationShare exploration,
    List<RuleRemoval> ruleRemovals) {
  /** Points of share between shown and wanted beyond which a desire is over- or under-served. */
  public static final double SERVED_MARGIN = 0.10;

  public Exposure {
    desires = List.copyOf(desires);
    neverShown = List.copyOf(neverShown);
    places = List.copyOf(places);
    ruleRemovals = List.copyOf(ruleRemovals);
  }

  /** How the shown items of one desire compare with how much it was wanted. */
  public enum Served {
    OVER, UNDER, IN_LINE, UNKNOWN;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One desire's exposure.
   *
   * @param desire the desire
   * @param shown ranked items that served it
   * @param shownShare their share of ranked items
   * @param wantedShare its mean share of the predicted intensities when the lists were asked for
   *     (absent without predictions)
   * @param served over, under, in line, or unknown without a prediction
   */
  public record DesireExposure(DesireType desire, int shown, double shownShare, OptionalDouble wantedShare, Served served) {}

  /**
   * How concentrated the shown options are.
   *
   * @param distinctOptions different options shown
   * @param catalogueSize options in the catalogue
   * @param top the most shown options, most first (up to three)
   * @param topShare the share of ranked items those took
   * @param herfindahl sum of squared option shares: 1/distinct when even, 1 when one option is all
   */
  public record Concentration(int distinctOptions, int catalogueSize, List<OptionShare> top, double topShare, double herfindahl) {
    public Concentration {
      top = List.copyOf(top);
    }
  }

  /** One option's count and share of ranked items. */
  public record OptionShare(String optionId, String name, int shown, double share) {}

  /** One place's count and share of ranked items. */
  public record PlaceShare(Place place, int shown, double share) {}

  /**
   * Exploration picks against the configured epsilon.
   *
   * @param picks ranked items marked as exploration
   * @param shareOfShown their share of ranked items
   * @param explorableLists lists whose last slot could have been an exploration pick (some item had
   *     propensity below 1)
   * @param listsWithPick lists that carried an exploration pick
   * @param listRate {@code listsWithPick / explorableLists}, comparable to epsilon (absent with no
   *     explorable list)
   * @param epsilon the policy's configured exploration probability
   */
  public record ExplorationShare(
      int picks, double shareOfShown, int explorableLists, int listsWithPick, OptionalDouble listRate, double epsilon) {}

  /**
   * An option a rule removed, and in how many lists.
   *
   * @param optionId the option removed
   * @param ruleId the rule's id
   * @param ruleText the rule as written
   * @param lists ranked lists it was removed from
   */
  public record RuleRemoval(String optionId, String ruleId, String ruleText, int lists) {}
}
