package dev.autonomy.engine.ask;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.engine.rank.Recommender;
import dev.autonomy.engine.text.PersonModels;
import dev.autonomy.engine.text.TextTask;
import dev.autonomy.text.classify.Prediction;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.intent.Intent;
import dev.autonomy.text.intent.IntentReader;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads what the person wants in their own words (English or Chinese) with the on-device
 * transformer, as a desire and a context, and recommends options serving that desire.
 */
public final class Asking {
  /** Exploration of the lists {@code ask} shows. */
  static final double EXPLORATION = 0.1;

  private final Supplier<Encoders> encoders;
  private final PersonModels models;
  private final Recommender recommender;
  private final Clock clock;
  private IntentReader reader;

  /**
   * Asks with the built-in reader, or with the intent model the person chose in {@code models}
   * where it names a desire (its other labels, such as out-of-scope, leave it to the built-in one).
   */
  public Asking(Supplier<Encoders> encoders, PersonModels models, Recommender recommender, Clock clock) {
    this.encoders = encoders;
    this.models = models;
    this.recommender = recommender;
    this.clock = clock;
  }

  /**
   * Recommends up to {@code limit} options for what {@code text} asks, logged like any list. What
   * the person states in {@code stated} wins over the context read from the text; its moment is
   * the one recommended for.
   */
  public Answer ask(String text, Situation stated, int limit) {
    RankingPolicy policy = new RankingPolicy(limit, EXPLORATION);
    String said = text == null ? "" : text.strip();
    if (said.isEmpty()) {
      throw new InvalidInputException("ask: say what you want, e.g. \"I want to go for a run\" or \"想找个安静的地方看书\"");
    }
    if (reader == null) {
      reader = new IntentReader(encoders.get());
    }
    Intent intent = reader.read(said);
    String readBy = Answer.BUILT_IN;
    Optional<PersonModels.Reading> mine = models.read(TextTask.INTENT, said);
    if (mine.isPresent() && TextTask.isDesire(mine.get().prediction().label())) {
      Prediction p = mine.get().prediction();
      intent = new Intent(DesireType.fromCode(p.label()), p.probability(), intent.context(), intent.language());
      readBy = mine.get().model();
    }
    Situation situation = IntentSituation.of(intent, stated, clock);
    Ranking ranking = recommender.recommend(situation, policy, Optional.of(intent.desire()));
    return new Answer(said, intent, readBy, situation, ranking);
  }
}
