package dev.autonomy.text.health;

import dev.autonomy.core.Requires;
import dev.autonomy.text.encode.Language;
import java.util.List;

/**
 * One diary habit the note generator can write about, in one language: ways of saying it was done
 * and ways of saying it was not.
 *
 * @param topic food, drink, sleep, exercise, smoking, screen or stress (for the documentation and
 *     the tests; the rule does not read it)
 * @param healthy whether doing it is healthy
 * @param weight 1 for a mild habit, 2 for a strong one (smoking, heavy drinking, a lost night, a
 *     real workout, a full night's sleep)
 * @param heldOut kept out of the training vocabulary: only notes of the test part use it
 * @param done phrasings of doing it (a past-tense predicate, "went for a 5 km run")
 * @param undone phrasings of not doing it ("skipped my run"); these flip the habit's direction
 */
record NoteAct(
    Language language,
    String topic,
    boolean healthy,
    int weight,
    boolean heldOut,
    List<String> done,
    List<String> undone) {

  NoteAct {
    Requires.nonNull(language, "act.language");
    Requires.nonBlank(topic, "act.topic");
    if (weight != 1 && weight != 2) {
      throw new IllegalArgumentException("act.weight must be 1 or 2, was " + weight + " (" + done + ")");
    }
    done = List.copyOf(done);
    undone = List.copyOf(undone);
    if (done.isEmpty() || undone.isEmpty()) {
      throw new IllegalArgumentException("act needs phrasings for done and undone, had " + done + " and " + undone);
    }
  }

  /** Every phrasing, done and undone: what the vocabulary holdout is checked on. */
  List<String> phrasings() {
    return java.util.stream.Stream.concat(done.stream(), undone.stream()).toList();
  }
}
