package dev.autonomy.engine;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.features.DataAge;
import dev.autonomy.engine.situation.StatedUse;
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
 * @param basis what each desire's prediction rests on (the moment model or the daily one, and why)
 * @param stated what each stated key did to them ({@code stated}: key, value, used, why)
 */
public record DesiresNow(Situation situation, List<Desire> desires, Map<DesireType, String> basis, List<StatedUse> stated) {
  public DesiresNow {
    desires = List.copyOf(desires);
    basis = Map.copyOf(basis);
    stated = List.copyOf(stated);
  }

  public Map<String, Object> view() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Desire d : desires) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", d.type().code());
      m.put("intensity", d.intensity());
      m.put("confidence", d.confidence());
      m.put("basis", basis.getOrDefault(d.type(), ""));
      m.put("contributions", d.contributions());
      if (d.populationEffect() != 0.0) {
        // how much came from the population prior a federation sent, the rest from the person's own data
        m.put("population_effect", d.populationEffect());
        m.put("own_data", d.intensity() - d.populationEffect());
      }
      rows.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", situation.at().toString());
    out.put("context", situation.stated());
    out.put("desires", rows);
    out.put("stated", stated);
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
