package dev.autonomy.engine;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.features.DataAge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The person's predicted desires in one situation, as the CLI's {@code desires --json} and the
 * local API print them. {@code data_age} lists what the predictions could not rest on because the
 * data is older than what it describes ("no sleep data since 2026-11-20"), as the desires'
 * contributions say it; it is empty when the data is fresh.
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
    out.put("data_age", dataAge());
    return out;
  }

  /** The distinct data-age notes of all desires' contributions, in order ("no sleep data since 2026-11-20"). */
  public List<String> dataAge() {
    Set<String> notes = new LinkedHashSet<>();
    for (Desire d : desires) {
      for (Contribution c : d.contributions()) {
        notes.addAll(DataAge.notesIn(c.meaning()));
      }
    }
    return List.copyOf(notes);
  }
}
