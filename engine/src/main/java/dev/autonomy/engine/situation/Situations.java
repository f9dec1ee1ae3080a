package dev.autonomy.engine.situation;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.Vault;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stated situation's part in the person's desires, learned from their own history: the
 * weather and place effects ({@link SituationEffects}), derived once per generation of the
 * vault's signals, applied to predicted desires, and a plain account of what each stated key did.
 */
public final class Situations {
  /** How many of the days behind an effect its reason names. */
  private static final int DAYS_NAMED = 3;

  private final Derived<SituationEffects> effects;

  public Situations(Vault vault, PersonStates states) {
    this.effects = new Derived<>(vault, List.of(Vault.SIGNALS), () -> SituationEffects.learn(
        states.cleaned().table(),
        SituationHistory.of(states.cleaned().table(), vault.signals().list(Set.of(SignalKind.WORKOUT)))));
  }

  SituationEffects effects() {
    return effects.get();
  }

  /**
   * The desires with each stated weather or place effect the history shows added to their
   * intensity (clipped to 0..1), with the effect as a contribution whose words cite the days.
   */
  public List<Desire> apply(List<Desire> desires, Situation situation) {
    SituationEffects learned = effects.get();
    Map<String, String> stated = new LinkedHashMap<>();
    for (String key : SituationHistory.KEYS) {
      stated(situation, key).ifPresent(v -> stated.put(key, v));
    }
    if (stated.isEmpty()) {
      return desires;
    }
    List<Desire> out = new ArrayList<>(desires.size());
    for (Desire d : desires) {
      double intensity = d.intensity();
      List<Contribution> parts = new ArrayList<>(d.contributions());
      for (Map.Entry<String, String> s : stated.entrySet()) {
        Optional<SituationEffect> e = learned.of(s.getKey(), s.getValue(), d.type());
        if (e.isPresent() && e.get().shown()) {
          intensity += e.get().shift();
          parts.add(new Contribution(s.getKey() + "=" + e.get().value(), 1.0, e.get().shift(), learned.reason(e.get())));
        }
      }
      if (intensity == d.intensity()) {
        out.add(d);
        continue;
      }
      // Largest effect first, as a desire's contributions are ordered.
      parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())));
      out.add(new Desire(d.type(), Math.max(0, Math.min(1, intensity)), d.confidence(), parts, d.populationEffect()));
    }
    return out;
  }

  /** What each stated key did to the desires, in the order of {@link StatedContext#KEYS}. */
  public List<StatedUse> uses(Situation situation) {
    SituationEffects learned = effects.get();
    List<String> order = List.copyOf(StatedContext.KEYS.keySet());
    List<Map.Entry<String, String>> stated = new ArrayList<>(situation.stated().entrySet());
    stated.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> order.contains(e.getKey())
        ? order.indexOf(e.getKey()) : order.size()).thenComparing(Map.Entry::getKey));
    List<StatedUse> out = new ArrayList<>();
    for (Map.Entry<String, String> s : stated) {
      String key = s.getKey();
      String value = s.getValue();
      out.add(switch (key) {
        case "weather", "place" -> historyUse(learned, key, value);
        case "free_minutes", "budget" -> StatedUse.unused(key, value,
            "a limit on the options shown, not a change in what you want");
        case "limits" -> StatedUse.unused(key, value, "says how the options shown hold to budget and free_minutes");
        case "mood" -> StatedUse.unused(key, value,
            "changes the effort looked for in the options shown; your history has no record of mood to learn from");
        default -> StatedUse.unused(key, value, "acts through the options shown (their words and tags)");
      });
    }
    return out;
  }

  private static StatedUse historyUse(SituationEffects learned, String key, String value) {
    if (value.equals("any")) {
      return StatedUse.unused(key, value, "says nothing about the place");
    }
    Optional<String> canonical = SituationHistory.canonical(key, value);
    if (canonical.isEmpty()) {
      return StatedUse.unused(key, value, "your history cannot record '" + value + "'; "
          + (key.equals("weather") ? "known weather: rain, snow, storm, sun, cloud, hot, cold" : "known places: indoor, outdoor")
          + "; it acts through the options shown");
    }
    if (!learned.history().records(key)) {
      return StatedUse.unused(key, value, key.equals("weather")
          ? "no weather in your vault (import a weather file: autonomy import weather.csv), so it acts through the options shown only"
          : "none of your workouts says whether it was indoors or outdoors, so it acts through the options shown only");
    }
    List<SituationEffect> known = new ArrayList<>();
    for (DesireType type : DesireType.values()) {
      learned.of(key, canonical.get(), type).ifPresent(known::add);
    }
    if (known.isEmpty()) {
      return StatedUse.unused(key, value, "your history has no labelled day with " + key + "=" + canonical.get()
          + " and one without, so it acts through the options shown only");
    }
    List<SituationEffect> shown = known.stream().filter(SituationEffect::shown).toList();
    if (shown.isEmpty()) {
      SituationEffect e = known.get(0);
      return new StatedUse(key, value, false, String.format(Locale.ROOT,
          "cannot tell from your history: %d days with %s=%s against %d others, no desire differs clearly (e.g. %s %+.2f, 95%% interval %+.2f..%+.2f); it acts through the options shown only",
          e.days().size(), key, canonical.get(), e.otherDays(), e.desire().code(), e.contrast(), e.low(), e.high()), known);
    }
    return new StatedUse(key, value, true, "changed " + shown.stream()
        .map(e -> String.format(Locale.ROOT, "%s by %+.2f", e.desire().code(), e.shift()))
        .collect(Collectors.joining(", ")) + " (from " + shown.get(0).days().size() + " days with " + key + "="
        + canonical.get() + " in your history)", known);
  }

  private static Optional<String> stated(Situation situation, String key) {
    String v = situation.stated().get(key);
    return v == null ? Optional.empty() : SituationHistory.canonical(key, v);
  }

  /** "On your 27 rainy days (2026-08-03, ...) you moved 0.16 less ... (2,430 fewer steps)". */
  static String reason(SituationEffect e) {
    List<LocalDate> days = e.days();
    String named = days.subList(Math.max(0, days.size() - DAYS_NAMED), days.size()).stream()
        .map(LocalDate::toString).collect(Collectors.joining(", "));
    String raw = e.raw().map(r -> String.format(Locale.ROOT, "; %,.0f %s", r.contrast(), r.words())).orElse("");
    return String.format(Locale.ROOT,
        "on your %d days with %s=%s (latest %s) your %s was %+.2f (%.2f..%.2f%s) against your %d other days with %s known, same weekday compared; %+.2f against your usual day",
        days.size(), e.key(), e.value(), named, e.desire().code(), e.contrast(), e.low(), e.high(), raw,
        e.otherDays(), e.key(), e.shift());
  }
}
