package dev.autonomy.engine.choose;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.RuleApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options laid side by side for the person to choose from themselves: what each takes and
 * gives, no score and no pick. The order is fixed and says nothing about preference ({@link #ORDER}).
 *
 * @param situation the situation they were laid out for
 * @param desires the person's predicted intensity of each desire now (0..1): one input among the
 *     trade-offs, not a verdict
 * @param options the options within the person's rules (and hard stated limits)
 * @param rules each rule in force and what it left out
 * @param limits each stated limit (budget, free_minutes) and the options over it
 * @param considered options looked at before rules
 */
public record TradeOffs(Situation situation, Map<DesireType, Double> desires, List<Row> options,
    List<RuleApplication> rules, List<LimitApplication> limits, int considered) {
  /** How the options are ordered: grouped by the desire they serve, then shortest first, then by name. */
  public static final String ORDER = "by desire served, then shortest first, then by name; not by what the model expects you to like";

  public TradeOffs {
    desires = Map.copyOf(desires);
    options = List.copyOf(options);
    rules = List.copyOf(rules);
    limits = List.copyOf(limits);
  }

  /**
   * One option and what it asks and offers.
   *
   * @param id the option's id
   * @param name its name
   * @param desire the desire it serves
   * @param desireNow the predicted intensity of that desire now
   * @param place indoor, outdoor or any
   * @param minutes how long it takes
   * @param effort how hard it is, 0..10
   * @param cost what it costs
   * @param tags its tags
   * @param over each stated limit it is over, with by how much (shown only under {@code limits=soft})
   * @param notes what else to weigh, in plain words (an indoor option when the person said outdoor)
   */
  public record Row(String id, String name, DesireType desire, double desireNow, String place, int minutes,
      double effort, double cost, Set<String> tags, Map<String, String> over, List<String> notes) {
    public Row {
      tags = new TreeSet<>(tags);
      over = Map.copyOf(over);
      notes = List.copyOf(notes);
    }
  }

  /** The shape of {@code recommend --no-rank --json} and of the API's {@code GET /recommend?rank=false}. */
  public Map<String, Object> view() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", situation.at().toString());
    out.put("context", situation.stated());
    out.put("ranked", false);
    out.put("order", ORDER);
    Map<String, Double> now = new LinkedHashMap<>();
    for (DesireType type : DesireType.values()) {
      if (desires.containsKey(type)) {
        now.put(type.code(), desires.get(type));
      }
    }
    out.put("desires", now);
    out.put("considered", considered);
    out.put("rules", rules);
    out.put("limits", limits);
    out.put("options", options.stream().map(TradeOffs::rowView).toList());
    return out;
  }

  private static Map<String, Object> rowView(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("desire", r.desire().code());
    m.put("desire_now", r.desireNow());
    m.put("place", r.place());
    m.put("minutes", r.minutes());
    m.put("effort", r.effort());
    m.put("cost", r.cost());
    m.put("tags", List.copyOf(r.tags()));
    m.put("over", r.over());
    m.put("notes", r.notes());
    return m;
  }
}
