package dev.autonomy.text.health;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.encode.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes diary-style health notes in English and Chinese ("Today I skipped the gym, then drank two
 * cans of soda.", "今天没去健身，然后喝了两罐可乐。") about food, drink, sleep, exercise, smoking,
 * screen time and stress, each labelled by a fixed rule. The labels come from this rule, not from
 * people; the habits, phrasings and frames were written for Autonomy ({@link NoteLexicon}).
 *
 * <p>The rule: a note names one or two habits. A habit is healthy or unhealthy and mild (weight 1)
 * or strong (weight 2: smoking or vaping, heavy drinking, staying up all night, a full night's
 * sleep, a run or a swim). A habit done counts its weight in its own direction; a habit not done
 * ("skipped the gym", "didn't smoke", "没去健身", "没抽烟") counts its weight in the other direction.
 * The note's score is the sum, healthy counting +, unhealthy -; the note is {@code healthy} when the
 * score is above 0 and {@code unhealthy} when below. Notes scoring 0 are never written, so a note
 * that mixes the two directions ("I went to the gym, but stayed up until 3 am") always pairs a mild
 * habit with a strong one and takes the strong one's label: these mixed notes, and the negated
 * ones, are the hard cases. Only mixed notes may be joined by "but" or "although" ("不过", "但是");
 * they may be joined by "and" too, as people write. About one in five English notes is written all in lower case.
 *
 * <p>Two parts share no habit: {@link Part#TRAIN} uses only the habits and frames not held out;
 * {@link Part#TEST} gives every note at least one held-out habit (its other habit may be any) and
 * also uses the held-out frames. A model trained on the train part and scored on the test part must
 * carry what it learned to foods, drinks and activities it never saw, which a model that memorised
 * templates cannot. Each part is balanced: the same number of notes per label per language.
 */
public final class HealthNoteGenerator {
  /** Which vocabulary the notes draw on. */
  public enum Part {
    TRAIN,
    TEST;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Part fromCode(String code) {
      for (Part p : values()) {
        if (p.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
          return p;
        }
      }
      throw new InvalidInputException("unknown part '" + code + "'; expected train or test");
    }
  }

  /** The most notes one call writes. */
  public static final int MAX_NOTES = 100_000;

  private static final double SINGLE = 0.45;
  private static final double NEGATED = 0.3;
  private static final double LOWER_CASE = 0.2;
  /** Draws in a row that bring no new note before the vocabulary counts as spent. */
  private static final int MISSES = 20_000;

  private final List<Language> languages;
  private final Part part;
  private final Map<Language, Vocabulary> vocabularies = new EnumMap<>(Language.class);

  /** One language's habits and frames for this part, sorted out once rather than on every draw. */
  private record Vocabulary(List<NoteAct> usable, List<NoteAct> heldOut, List<NoteLexicon.Frame> frames) {}

  public HealthNoteGenerator(List<Language> languages, Part part) {
    if (languages == null || languages.isEmpty()) {
      throw new InvalidInputException("languages: name at least one of en, zh");
    }
    if (new HashSet<>(languages).size() != languages.size()) {
      throw new InvalidInputException("languages: each language once, were " + languages);
    }
    if (part == null) {
      throw new InvalidInputException("part: train or test");
    }
    this.languages = List.copyOf(languages);
    this.part = part;
    for (Language language : languages) {
      List<NoteAct> all = NoteLexicon.ACTS.stream().filter(a -> a.language() == language).toList();
      vocabularies.put(language, new Vocabulary(
          all.stream().filter(a -> part == Part.TEST || !a.heldOut()).toList(),
          all.stream().filter(NoteAct::heldOut).toList(),
          NoteLexicon.FRAMES.stream().filter(f -> f.language() == language && (part == Part.TEST || !f.heldOut())).toList()));
    }
  }

  /**
   * {@code n} distinct notes, {@code n / (2 x languages)} per label per language, in a shuffled
   * order; the same random state gives the same notes.
   */
  public List<HealthNote> generate(int n, RandomGenerator random) {
    int cells = 2 * languages.size();
    if (n < cells || n > MAX_NOTES || n % cells != 0) {
      throw new InvalidInputException("n must be a multiple of " + cells + " (2 labels x " + languages.size()
          + " languages) from " + cells + " to " + MAX_NOTES + ", was " + n);
    }
    Set<String> seen = new HashSet<>();
    List<HealthNote> notes = new ArrayList<>(n);
    for (Language language : languages) {
      for (String label : List.of(HealthLabel.HEALTHY, HealthLabel.UNHEALTHY)) {
        int want = n / cells;
        int made = 0;
        int misses = 0;
        while (made < want) {
          if (++misses > MISSES) {
            throw new InvalidInputException("n: only " + made + " distinct " + label + " notes in "
                + language.name().toLowerCase(Locale.ROOT) + " could be written from the " + part.code()
                + " vocabulary; ask for fewer than " + n);
          }
          HealthNote note = draw(language, random);
          if (note != null && note.label().equals(label) && seen.add(note.text())) {
            notes.add(note);
            made++;
            misses = 0;
          }
        }
      }
    }
    for (int i = notes.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      HealthNote t = notes.get(i);
      notes.set(i, notes.get(j));
      notes.set(j, t);
    }
    return List.copyOf(notes);
  }

  /** One note, or null when its score is 0 (a tie the rule does not label). */
  private HealthNote draw(Language language, RandomGenerator random) {
    Vocabulary v = vocabularies.get(language);
    List<NoteAct> usable = v.usable();
    List<NoteAct> heldOut = v.heldOut();
    int slots = random.nextDouble() < SINGLE ? 1 : 2;
    List<NoteAct> acts = new ArrayList<>();
    // A test note's first-drawn habit is held out; the frame then places the two in random order.
    acts.add(pick(part == Part.TEST ? heldOut : usable, random));
    if (slots == 2) {
      NoteAct second = pick(usable, random);
      if (second.equals(acts.get(0))) {
        return null;
      }
      acts.add(random.nextBoolean() ? acts.size() : 0, second);
    }
    int score = 0;
    int directions = 0;
    List<String> phrases = new ArrayList<>();
    for (NoteAct act : acts) {
      boolean negated = random.nextDouble() < NEGATED;
      List<String> ways = negated ? act.undone() : act.done();
      phrases.add(ways.get(random.nextInt(ways.size())));
      int direction = act.healthy() != negated ? 1 : -1;
      score += direction * act.weight();
      directions |= direction > 0 ? 1 : 2;
    }
    if (score == 0) {
      return null;
    }
    boolean mixed = directions == 3;
    List<NoteLexicon.Frame> frames =
        v.frames().stream().filter(f -> f.slots() == slots && (mixed || !f.contrast())).toList();
    String text = String.format(Locale.ROOT, pick(frames, random).pattern(), phrases.toArray());
    if (language == Language.EN) {
      text = random.nextDouble() < LOWER_CASE
          ? text.toLowerCase(Locale.ROOT)
          : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
    return new HealthNote(text, score > 0 ? HealthLabel.HEALTHY : HealthLabel.UNHEALTHY, language, score);
  }

  private static <T> T pick(List<T> items, RandomGenerator random) {
    return items.get(random.nextInt(items.size()));
  }
}
