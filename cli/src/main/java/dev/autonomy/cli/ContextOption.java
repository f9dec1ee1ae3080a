package dev.autonomy.cli;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.context.StatedContext;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --context key=value,...} option, shared by every command that reads a situation. */
public final class ContextOption {
  @Option(names = "--context", paramLabel = "KEY=VALUE", split = ",",
      description = "What you state about now: place=indoor|outdoor, weather=rain, free_minutes=45, budget=20,"
          + " activity=reading, at=2026-11-30T18:00.")
  List<String> items = new ArrayList<>();

  /** The situation now (or at the stated time), checked key by key. */
  public Situation situation(Autonomy autonomy) {
    return StatedContext.parse(items, autonomy.clock());
  }

  /** The situation with {@code first} applied before what the person typed, so theirs wins. */
  public Situation situation(Autonomy autonomy, List<String> first) {
    List<String> all = new ArrayList<>(first);
    all.addAll(items);
    return StatedContext.parse(all, autonomy.clock());
  }
}
