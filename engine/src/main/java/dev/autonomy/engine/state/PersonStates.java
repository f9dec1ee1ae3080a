package dev.autonomy.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.Evidence;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.quality.CleanResult;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.KindQuality;
import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.engine.text.PersonModels;
import dev.autonomy.engine.text.TextTask;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.vault.Documents;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.SignalCoverage;
import dev.autonomy.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the engine understands of the person's signals: the cleaned daily table and quality report,
 * the notes' health scores, the context features of a situation and the evidence behind
 * explanations. Each is derived once per generation of the vault's signals (see {@link Derived})
 * and stored in the vault in between, so a new process does not clean again.
 *
 * <p>Cleaning and scoring notes are apart: the quality report needs no transformer, and the
 * transformer is loaded only when the notes of a new generation must be read.
 */
public final class PersonStates {
  /** Vault document of the notes' per-day health scores, with the fingerprint they were read at. */
  public static final String NOTES_DOCUMENT = "engine.notes";

  /**
   * Kinds the cleaner must see together (a day with 0 steps marks the wearable's other kinds of
   * that day as not worn); every other kind is cleaned on its own, so only one group of signals is
   * in memory at a time, not a whole multi-gigabyte export.
   */
  private static final Set<SignalKind> WEARABLE_GROUP =
      Set.of(SignalKind.STEPS, SignalKind.DISTANCE, SignalKind.ACTIVE_MINUTES, SignalKind.SEDENTARY_MINUTES);

  /** Days whose features are kept at once (an audit walks many; a request asks for one or two). */
  private static final int FEATURE_DAYS_KEPT = 64;

  private final Vault vault;
  private final Clock clock;
  private final StateStore store;
  private final Supplier<Encoders> encoders;
  // The person's chosen text models; null: the built-in classifier only.
  private final PersonModels models;
  private final Derived<PersonState> cleaned;
  private final Derived<PersonState> withNotes;
  private final Derived<Map<DesireType, List<Evidence>>> evidence;
  /** Features of each day asked for, built once per generation: today's timed signals are read once, not per call. */
  private final Derived<Map<LocalDate, ContextFeatures>> featuresByDay;

  /** States whose notes are read by the built-in health classifier only. */
  public PersonStates(Vault vault, Clock clock, Supplier<Encoders> encoders) {
    this(vault, clock, encoders, null);
  }

  /**
   * States whose notes are read by the health model the person chose in {@code models}, when they
   * chose one, else by the built-in classifier.
   */
  public PersonStates(Vault vault, Clock clock, Supplier<Encoders> encoders, PersonModels models) {
    this.vault = vault;
    this.clock = clock;
    this.store = new StateStore(vault);
    this.encoders = encoders;
    this.models = models;
    List<String> signals = List.of(Vault.SIGNALS);
    this.cleaned = new Derived<>(vault, signals, () -> store.current().orElseGet(this::clean));
    this.withNotes = new Derived<>(vault, List.of(Vault.SIGNALS, Documents.area(NOTES_DOCUMENT), PersonModels.AREA),
        () -> cleaned().withNotesHealth(notesHealth(cleaned())));
    this.evidence = new Derived<>(vault, signals, () -> EvidenceIndex.byDesire(cleaned().coverage(), clock.getZone()));
    this.featuresByDay = new Derived<>(vault, List.of(Vault.SIGNALS, Documents.area(NOTES_DOCUMENT)), HashMap::new);
  }

  /** The cleaned daily table, quality and coverage; no note scores (no transformer is loaded). */
  public PersonState cleaned() {
    return cleaned.get();
  }

  /** The whole derived state, the notes' health scores included. */
  public PersonState state() {
    return withNotes.get();
  }

  public QualityReport quality() {
    return cleaned().quality();
  }

  public boolean hasSignals() {
    return vault.signals().count() > 0;
  }

  /** Features of a situation: the person's data up to that moment plus what they stated. */
  public FeatureVector features(Situation situation) {
    PersonState s = state();
    Map<LocalDate, ContextFeatures> byDay = featuresByDay.get();
    if (byDay.size() > FEATURE_DAYS_KEPT) {
      byDay.clear();
    }
    ContextFeatures day = byDay.computeIfAbsent(situation.at().toLocalDate(), d -> {
      Instant startOfDay = d.atStartOfDay(situation.at().getZone()).toInstant();
      List<Signal> today = new ArrayList<>();
      vault.signals().forEachSince(Set.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES), startOfDay, today::add);
      return new ContextFeatures(s.table(), s.notesHealth(), today);
    });
    return day.at(situation);
  }

  /** Features of every past moment of a window, read once: for audits over many moments. */
  public ContextFeatures featuresSince(Instant since) {
    PersonState s = state();
    List<Signal> intraday = new ArrayList<>();
    vault.signals().forEachSince(Set.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES), since, intraday::add);
    return new ContextFeatures(s.table(), s.notesHealth(), intraday);
  }

  /** The data behind each desire's explanations: which kinds, from which sources, over which days. */
  public Map<DesireType, List<Evidence>> evidence() {
    return evidence.get();
  }

  /** Drops what was derived from signals a forget removed; the next read derives it again. */
  public void forgetDerived() {
    vault.documents().remove(StateStore.DOCUMENT);
    vault.documents().remove(NOTES_DOCUMENT);
  }

  private PersonState clean() {
    String fingerprint = vault.signals().fingerprint();
    List<SignalCoverage> coverage = vault.signals().coverage();
    Set<SignalKind> present = EnumSet.noneOf(SignalKind.class);
    coverage.forEach(c -> present.add(SignalKind.fromCode(c.kind())));
    List<Set<SignalKind>> groups = new ArrayList<>();
    Set<SignalKind> wearable = EnumSet.noneOf(SignalKind.class);
    for (SignalKind kind : present) {
      if (WEARABLE_GROUP.contains(kind)) {
        wearable.add(kind);
      } else {
        groups.add(EnumSet.of(kind));
      }
    }
    if (!wearable.isEmpty()) {
      groups.add(0, wearable);
    }
    Map<SignalKind, NavigableMap<LocalDate, DailyValue>> days = new EnumMap<>(SignalKind.class);
    List<KindQuality> reports = new ArrayList<>();
    for (Set<SignalKind> group : groups) {
      CleanResult clean = Cleaner.withDefaults().clean(vault.signals().list(group));
      for (SignalKind kind : clean.table().kinds()) {
        days.put(kind, clean.table().series(kind));
      }
      reports.addAll(clean.report().kinds());
    }
    reports.sort(Comparator.comparing(k -> SignalKind.fromCode(k.kind())));
    PersonState built = new PersonState(fingerprint, new DailyTable(days), new QualityReport(reports), Map.of(), coverage);
    store.save(built);
    return built;
  }

  /** The stored note scores if read at this fingerprint, else read now with the transformer and stored. */
  private Map<LocalDate, Double> notesHealth(PersonState state) {
    Optional<String> chosen = models == null ? Optional.empty() : models.modelFor(TextTask.HEALTH);
    String reader = chosen.orElse(NotesDocument.BUILT_IN);
    NotesDocument stored = vault.documents().get(NOTES_DOCUMENT).map(PersonStates::readNotes).orElse(null);
    if (stored != null && stored.fingerprint().equals(state.fingerprint()) && stored.reader().equals(reader)) {
      return stored.perDay();
    }
    List<Signal> notes = Cleaner.withDefaults().clean(vault.signals().list(Set.of(SignalKind.NOTE))).kept();
    Map<LocalDate, Double> perDay;
    if (!NoteScores.hasNotes(notes)) {
      perDay = Map.of();
    } else if (chosen.isPresent()) {
      // the chosen model is resolved and loaded once for all the notes
      Function<String, PersonModels.Reading> mine = models.reader(TextTask.HEALTH).orElseThrow();
      perDay = NoteScores.perDay(notes, text -> HealthNotes.healthy(mine.apply(text)));
    } else {
      perDay = HealthNotes.perDay(notes, encoders.get());
    }
    try {
      vault.documents().put(NOTES_DOCUMENT,
          Json.mapper().writeValueAsString(new NotesDocument(state.fingerprint(), perDay, reader)));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot store the notes' scores: " + e.getOriginalMessage(), e);
    }
    return perDay;
  }

  private static NotesDocument readNotes(String json) {
    try {
      return Json.mapper().readValue(json, NotesDocument.class);
    } catch (JsonProcessingException e) {
      // An unreadable cache is read again from the notes, which are the source of truth.
      return null;
    }
  }

  /** The notes' scores as stored, and which model read them (a document from before the choice existed: the built-in). */
  record NotesDocument(String fingerprint, Map<LocalDate, Double> perDay, String reader) {
    static final String BUILT_IN = "built-in";

    NotesDocument {
      perDay = Map.copyOf(perDay);
      reader = reader == null ? BUILT_IN : reader;
    }
  }
}
