package dev.autonomy.engine.data;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.option.Options;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.rank.RankFeatures;
import dev.autonomy.engine.state.PersonState;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.LoggedDecision;
import dev.autonomy.vault.Vault;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes everything the vault holds about the person as files they can read: CSV for tables, JSON
 * for documents. The export is written to a hidden, owner-only folder beside the target and moved
 * into place at the end, so a failure leaves no half-written export; what an export killed half-way
 * left there is deleted by the next one ({@link ExportStaging}).
 */
public final class Exporter {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  /** What was written. */
  public record Summary(Path dir, Map<String, Long> files) {}

  private final Vault vault;
  private final PersonStates states;
  private final Desires desires;
  private final Options options;

  public Exporter(Vault vault, PersonStates states, Desires desires, Options options) {
    this.vault = vault;
    this.states = states;
    this.desires = desires;
    this.options = options;
  }

  public Summary export(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    try {
      if (Files.exists(target) && (!Files.isDirectory(target) || Files.list(target).findAny().isPresent())) {
        throw new InvalidInputException(target + ": export folder must not exist or be empty");
      }
      Path parent = target.getParent();
      Files.createDirectories(parent);
      ExportStaging.removeLeftovers(parent, vault.clock());
      Path tmp = ExportStaging.create(parent);
      Map<String, Long> files = new LinkedHashMap<>();
      try {
        writeAll(tmp, files);
        ExportStaging.release(tmp);
        if (Files.exists(target)) {
          Files.delete(target);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        deleteTree(tmp);
        throw e;
      }
      return new Summary(target, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export to " + target + ": " + e.getMessage(), e);
    }
  }

  private void writeAll(Path dir, Map<String, Long> files) throws IOException {
    ObjectWriter json = Json.mapper().writerWithDefaultPrettyPrinter();

    long[] count = {0};
    try (CSVPrinter out = csv(dir.resolve("signals.csv"),
        "kind", "start", "end", "zone", "value", "unit", "category", "text", "source", "format", "device", "modality")) {
      vault.signals().forEach(Set.of(), s -> {
        try {
          out.printRecord(s.kind().code(), s.start().toString(), s.end().toString(), s.zone().getId(),
              Double.toString(s.value()), s.unit(), s.category(), s.text(), s.provenance().source(),
              s.provenance().format(), s.provenance().device(), s.provenance().modality().name());
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    files.put("signals.csv", count[0]);

    json.writeValue(dir.resolve("sources.json").toFile(), vault.signals().sources());
    files.put("sources.json", (long) vault.signals().sources().size());

    PersonState state = states.state();
    json.writeValue(dir.resolve("quality.json").toFile(), state.quality().toMap());
    files.put("quality.json", (long) state.quality().kinds().size());

    long days = 0;
    try (CSVPrinter out = csv(dir.resolve("daily.csv"), "date", "kind", "value", "status", "outlier")) {
      for (SignalKind kind : state.table().kinds()) {
        for (Map.Entry<LocalDate, DailyValue> e : state.table().series(kind).entrySet()) {
          out.printRecord(e.getKey(), kind.code(), Double.toString(e.getValue().value()),
              e.getValue().status().name().toLowerCase(Locale.ROOT), e.getValue().outlier());
          days++;
        }
      }
    }
    files.put("daily.csv", days);

    long featureRows = writeFeatures(dir.resolve("features.csv"), state);
    files.put("features.csv", featureRows);

    Files.writeString(dir.resolve("desire-model.json"), desires.modelJson(), StandardCharsets.UTF_8);
    files.put("desire-model.json", 1L);

    List<LoggedDecision> decisions = vault.decisions().all();
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("recommendations.jsonl"), StandardCharsets.UTF_8)) {
      for (LoggedDecision d : decisions) {
        out.write(Json.mapper().writeValueAsString(d));
        out.write('\n');
      }
    }
    files.put("recommendations.jsonl", (long) decisions.size());

    // Each shown list with the candidates its policy chose from: what off-policy evaluation reads.
    List<DecisionLog.ShownList> lists = vault.decisions().lists(Instant.EPOCH);
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("lists.jsonl"), StandardCharsets.UTF_8)) {
      for (DecisionLog.ShownList l : lists) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", l.id());
        row.put("created", l.created().toString());
        row.put("policy", l.policy());
        row.put("policy_version", l.version());
        row.put("features", RankFeatures.NAMES);
        row.put("candidates", l.candidates().optionIds());
        row.put("vectors", l.candidates().vectors());
        row.put("top", l.candidates().optionIds().get(l.candidates().top()));
        row.put("top_propensity", l.candidates().topPropensity());
        l.candidates().firstSlotProbabilities().ifPresent(p -> row.put("first_slot", p));
        row.put("draws", l.candidates().draws());
        // What each shadow policy would have shown for this list (never shown).
        row.put("shadows", l.shadows());
        out.write(Json.mapper().writeValueAsString(row));
        out.write('\n');
      }
    }
    files.put("lists.jsonl", (long) lists.size());

    List<FeedbackRow> feedback = vault.decisions().feedbackRows();
    try (CSVPrinter out = csv(dir.resolve("feedback.csv"), "recommendation_id", "option_id", "desire", "outcome", "rating", "at")) {
      for (FeedbackRow f : feedback) {
        out.printRecord(f.recommendationId(), f.optionId(), f.desire(), f.outcome().name().toLowerCase(Locale.ROOT),
            f.rating().isPresent() ? Integer.toString(f.rating().getAsInt()) : "", f.at().toString());
      }
    }
    files.put("feedback.csv", (long) feedback.size());

    json.writeValue(dir.resolve("rules.json").toFile(), vault.rules().list());
    files.put("rules.json", (long) vault.rules().list().size());

    json.writeValue(dir.resolve("options.json").toFile(), options.catalogue().all());
    files.put("options.json", (long) options.catalogue().size());

    var ledger = vault.privacy().entries();
    json.writeValue(dir.resolve("privacy-ledger.json").toFile(), ledger);
    files.put("privacy-ledger.json", (long) ledger.size());

    // The apps' grants carry no token (the vault has only hashes, and the export leaves even those out).
    var apps = vault.apps().list();
    json.writeValue(dir.resolve("apps.json").toFile(), apps.stream().map(a -> Map.of("name", a.name(), "scopes",
        a.scopes(), "created", a.created().toString(), "revoked", a.revoked().map(Object::toString).orElse(""),
        "last_used", a.lastUsed().map(Object::toString).orElse(""))).toList());
    files.put("apps.json", (long) apps.size());
    var accessLog = vault.accessLog().latest(Integer.MAX_VALUE);
    json.writeValue(dir.resolve("access-log.json").toFile(), accessLog);
    files.put("access-log.json", (long) accessLog.size());
    var selfChoices = vault.selfChoices().since(java.time.Instant.EPOCH);
    json.writeValue(dir.resolve("self-choices.json").toFile(), selfChoices);
    files.put("self-choices.json", (long) selfChoices.size());

    Files.writeString(dir.resolve("README.txt"), """
        Everything Autonomy held about you when this export was made.

        signals.csv            every imported signal, with its source file, format, device and modality
        sources.json           the files you imported
        quality.json           what cleaning found and did, per kind
        daily.csv              the cleaned daily values (observed, imputed or missing; outliers flagged)
        features.csv           the context features of each day the desire model learned from
        desire-model.json      the desire model's parameters and provenance
        recommendations.jsonl  every recommendation shown, with its explanation and propensity
        lists.jsonl            every list shown: the policy, the candidates it chose from and their features
        feedback.csv           your feedback
        rules.json             your rules
        options.json           the options Autonomy could propose
        privacy-ledger.json    what left this machine for a federation, and the privacy it cost
        apps.json              the apps you let act for you, their scopes, when they last did (no tokens)
        access-log.json        who used your data: API calls by app and scope, exports, forgets, rule changes
        self-choices.json      each time you chose for yourself from unranked options (when, how many shown)
        """, StandardCharsets.UTF_8);
  }

  private static long writeFeatures(Path file, PersonState state) throws IOException {
    ContextFeatures features = new ContextFeatures(state.table(), state.notesHealth(), List.of());
    TreeSet<LocalDate> days = new TreeSet<>();
    for (SignalKind kind : state.table().kinds()) {
      days.addAll(state.table().series(kind).keySet());
    }
    long rows = 0;
    try (CSVPrinter out = csv(file)) {
      List<String> names = null;
      for (LocalDate day : days) {
        FeatureVector x = features.forDay(day, Map.of());
        if (names == null) {
          names = x.names();
          List<String> header = new ArrayList<>(names.size() + 1);
          header.add("date");
          header.addAll(names);
          out.printRecord(header);
        }
        List<String> cells = new ArrayList<>(names.size() + 1);
        cells.add(day.toString());
        for (Double v : x.values()) {
          cells.add(Double.toString(v));
        }
        out.printRecord(cells);
        rows++;
      }
    }
    return rows;
  }

  /** A CSV file written by Commons CSV as RFC 4180 has it (records ended by {@code \n}), starting with the header if given. */
  private static CSVPrinter csv(Path file, String... header) throws IOException {
    CSVFormat format = header.length == 0 ? CSV : CSV.builder().setHeader(header).get();
    return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), format);
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // Best effort: the temp folder is hidden and named as ours.
    }
  }
}
