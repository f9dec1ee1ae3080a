package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.encode.Language;
import dev.autonomy.text.health.HealthNote;
import dev.autonomy.text.health.HealthNoteGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autonomy text health-data}: write generated, rule-labelled health notes as CSV. */
@Command(
    name = "health-data",
    mixinStandardHelpOptions = true,
    description = {
      "Write generated diary notes about food, drink, sleep, exercise, smoking, screen time and stress, in English and"
          + " Chinese, as CSV 'text,label' (healthy or unhealthy), for 'text train --format csv'.",
      "Labels come from a fixed rule, not from people: each habit is healthy or unhealthy, mild or strong; a habit not"
          + " done counts the other way; the stronger side wins. The test part uses habits and frames the train part"
          + " never does."
    })
final class HealthDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write (replaced whole).")
  Path out;

  @Option(names = "--n", defaultValue = "1200", paramLabel = "N",
      description = "Notes to write, a multiple of 2 x languages: the same number per label per language (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed; the same seed writes the same file (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lang", defaultValue = "en,zh", paramLabel = "LANGS", description = "en, zh or en,zh (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--part", defaultValue = "train", paramLabel = "PART",
      description = "train (habits and frames not held out) or test (every note has a held-out habit) (default: ${DEFAULT-VALUE}).")
  String part;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    HealthNoteGenerator.Part p = HealthNoteGenerator.Part.fromCode(part);
    List<Language> languages = languages(lang);
    List<HealthNote> notes = new HealthNoteGenerator(languages, p).generate(n, new SplittableRandom(seed));
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidInputException(out + ": its folder does not exist");
    }
    // Written beside the target and moved over it, so a failed write leaves no half file.
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, HealthNote.csv(notes), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    Map<String, Long> cells = new LinkedHashMap<>();
    for (HealthNote note : notes) {
      cells.merge(note.language().name().toLowerCase(Locale.ROOT) + "/" + note.label(), 1L, Long::sum);
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", target.toString());
      m.put("notes", notes.size());
      m.put("part", p.code());
      m.put("seed", seed);
      m.put("languages", languages.stream().map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
      m.put("per_language_label", cells);
      Session.json(spec, m);
    } else {
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d %s notes to %s (seed %d): %s%n", notes.size(), p.code(),
          target, seed, cells);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  static List<Language> languages(String codes) {
    List<Language> out = new ArrayList<>();
    for (String code : codes.split(",", -1)) {
      switch (code.trim().toLowerCase(Locale.ROOT)) {
        case "en" -> out.add(Language.EN);
        case "zh" -> out.add(Language.ZH);
        default -> throw new InvalidInputException("languages: unknown language '" + code.trim() + "'; expected en, zh or en,zh");
      }
    }
    return out;
  }
}
