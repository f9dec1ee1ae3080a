package dev.autonomy.engine.audit;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.engine.audit.Exposure.Concentration;
import dev.autonomy.engine.audit.Exposure.DesireExposure;
import dev.autonomy.engine.audit.Exposure.ExplorationShare;
import dev.autonomy.engine.audit.Exposure.OptionShare;
import dev.autonomy.engine.audit.Exposure.PlaceShare;
import dev.autonomy.engine.audit.Exposure.RuleRemoval;
import dev.autonomy.engine.audit.Exposure.Served;
import dev.autonomy.engine.rank.Recommender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Computes {@link Exposure} from the items shown in the window. */
final class ExposureAudit {
  private static final Pattern PLAN_ID = Pattern.compile("^(plan-[0-9a-z]+)");
  private static final int TOP = 3;
  private static final int TOP_REMOVALS = 5;

  private ExposureAudit() {}

  static Exposure of(List<Shown> shown, AuditInputs in) {
    List<Shown> ranked = shown.stream().filter(s -> !s.isPlan()).toList();
    Map<Instant, List<Shown>> lists = byList(ranked);
    Set<String> plans = new TreeSet<>();
    for (Shown s : shown) {
      Matcher m = PLAN_ID.matcher(s.recommendation().id());
      if (s.isPlan() && m.find()) {
        plans.add(m.group(1));
      }
    }
    int n = ranked.size();
    return new Exposure(lists.size(), n, plans.size(), shown.size() - n,
        desires(ranked, lists, in.predictor()),
        String.format(java.util.Locale.ROOT,
            "over- or under-served when the share shown differs from the share wanted by more than %.0f points;"
                + " wanted = mean share of the predicted intensities when each list was asked for (today's model),"
                + " or all of one desire for a list asked for that desire only",
            Exposure.SERVED_MARGIN * 100),
        neverShown(ranked), concentration(ranked, in.catalogueSize()), places(ranked),
        exploration(ranked, lists, in.epsilon()), removals(lists));
  }

  /** Items shown together were logged in one transaction at one instant. */
  static Map<Instant, List<Shown>> byList(List<Shown> items) {
    Map<Instant, List<Shown>> lists = new LinkedHashMap<>();
    items.forEach(s -> lists.computeIfAbsent(s.decision().created(), k -> new ArrayList<>()).add(s));
    return lists;
  }

  private static List<DesireExposure> desires(List<Shown> ranked, Map<Instant, List<Shown>> lists, DesirePredictor predictor) {
    Map<DesireType, Double> wanted = new EnumMap<>(DesireType.class);
    int predicted = 0;
    for (List<Shown> list : lists.values()) {
      Shown first = list.get(0);
      String asked = first.decision().situation().get(Recommender.ASKED_DESIRE);
      if (asked != null) {
        // The person asked for this desire only: that is what they wanted from this list.
        wanted.merge(DesireType.fromCode(asked), 1.0, Double::sum);
        predicted++;
        continue;
      }
      Map<DesireType, Double> intensities = predictor.intensities(first.decision().created(), first.decision().situation());
      double total = intensities.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total > 0) {
        intensities.forEach((t, v) -> wanted.merge(t, v / total, Double::sum));
        predicted++;
      }
    }
    List<DesireExposure> out = new ArrayList<>();
    for (DesireType type : DesireType.values()) {
      int count = (int) ranked.stream().filter(s -> s.recommendation().desire() == type).count();
      double share = ranked.isEmpty() ? 0 : (double) count / ranked.size();
      OptionalDouble want = predicted == 0 ? OptionalDouble.empty()
          : OptionalDouble.of(wanted.getOrDefault(type, 0.0) / predicted);
      Served served = want.isEmpty() || ranked.isEmpty() ? Served.UNKNOWN
          : share - want.getAsDouble() > Exposure.SERVED_MARGIN ? Served.OVER
          : want.getAsDouble() - share > Exposure.SERVED_MARGIN ? Served.UNDER
          : Served.IN_LINE;
      out.add(new DesireExposure(type, count, share, want, served));
    }
    return out;
  }

  private static List<DesireType> neverShown(List<Shown> ranked) {
    List<DesireType> out = new ArrayList<>();
    for (DesireType type : DesireType.values()) {
      if (ranked.stream().noneMatch(s -> s.recommendation().desire() == type)) {
        out.add(type);
      }
    }
    return out;
  }

  private static Concentration concentration(List<Shown> ranked, int catalogueSize) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Shown s : ranked) {
      counts.merge(s.recommendation().option().id(), 1, Integer::sum);
      names.putIfAbsent(s.recommendation().option().id(), s.recommendation().option().name());
    }
    double n = ranked.size();
    List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .toList();
    List<OptionShare> top = sorted.stream().limit(TOP)
        .map(e -> new OptionShare(e.getKey(), names.get(e.getKey()), e.getValue(), e.getValue() / n))
        .toList();
    double topShare = top.stream().mapToDouble(OptionShare::share).sum();
    double hhi = counts.values().stream().mapToDouble(c -> (c / n) * (c / n)).sum();
    return new Concentration(counts.size(), catalogueSize, top, topShare, hhi);
  }

  private static List<PlaceShare> places(List<Shown> ranked) {
    List<PlaceShare> out = new ArrayList<>();
    for (Place place : Place.values()) {
      int count = (int) ranked.stream().filter(s -> s.recommendation().option().place() == place).count();
      out.add(new PlaceShare(place, count, ranked.isEmpty() ? 0 : (double) count / ranked.size()));
    }
    return out;
  }

  private static ExplorationShare exploration(List<Shown> ranked, Map<Instant, List<Shown>> lists, double epsilon) {
    int picks = (int) ranked.stream().filter(Shown::exploration).count();
    int explorable = 0;
    int withPick = 0;
    for (List<Shown> list : lists.values()) {
      if (list.stream().anyMatch(s -> s.propensity() < 1.0)) {
        explorable++;
      }
      if (list.stream().anyMatch(Shown::exploration)) {
        withPick++;
      }
    }
    return new ExplorationShare(picks, ranked.isEmpty() ? 0 : (double) picks / ranked.size(), explorable, withPick,
        explorable == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) withPick / explorable), epsilon);
  }

  /** Every item of a list carries the same rule applications, so each list counts once. */
  private static List<RuleRemoval> removals(Map<Instant, List<Shown>> lists) {
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (List<Shown> list : lists.values()) {
      for (RuleApplication a : list.get(0).recommendation().explanation().rules()) {
        for (String optionId : new TreeSet<>(a.removed())) {
          counts.merge(List.of(optionId, a.ruleId(), a.ruleText()), 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .map(e -> new RuleRemoval(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
        .sorted(Comparator.comparingInt(RuleRemoval::lists).reversed().thenComparing(RuleRemoval::optionId))
        .limit(TOP_REMOVALS)
        .toList();
  }
}
