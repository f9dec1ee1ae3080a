package dev.autonomy.engine;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The person's predicted desires in one situation, as the CLI's {@code desires --json} and the
 * local API print them.
 *
 * @param situation when and what was stated
 * @param desires one per desire type, with intensity, confidence and contributions
 */
public record DesiresNow(Situation situation, List<Desire> desires) {
  public DesiresNow {
    desires = List.copyOf(desires);
  }

  public Map<String, Object> view() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Desire d : desires) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", d.type().code());
      m.put("intensity", d.intensity());
      m.put("confidence", d.confidence());
      m.put("contributions", d.contributions());
      rows.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", situation.at().toString());
    out.put("context", situation.stated());
    out.put("desires", rows);
    return out;
  }
}
