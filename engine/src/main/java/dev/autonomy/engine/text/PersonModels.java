package dev.autonomy.engine.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.Prediction;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.tune.TunedModels;
import dev.autonomy.vault.Documents;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The text models the person chose for the engine's own reading ({@link TextTask}): a model they
 * trained with {@code text train} (a head on a built-in encoder, or fine-tuned) used instead of the
 * built-in one for the notes' health score or for {@code ask}. The choice is a vault document; the
 * model is loaded on first use from the vault's (sealed, when encrypted) model store, and a
 * fine-tuned encoder is held until {@link #close}.
 */
public final class PersonModels implements AutoCloseable {
  /** The vault document holding the choice: task code to model name. */
  public static final String DOCUMENT = "text.models";
  /** The vault area a change of choice bumps (for what is derived from the readings). */
  public static final String AREA = Documents.area(DOCUMENT);

  private final Vault vault;
  private final Supplier<ModelStore> store;
  private final Supplier<Encoders> builtIn;
  private final Map<TextTask, Loaded> loaded = new EnumMap<>(TextTask.class);

  /** A chosen model, loaded, with the encoder it reads (owned when fine-tuned). */
  private record Loaded(String name, TextModel model, Encoder encoder, boolean owned) {}

  /** One reading of a text by the person's model. */
  public record Reading(String model, Prediction prediction) {}

  public PersonModels(Vault vault, Supplier<ModelStore> store, Supplier<Encoders> builtIn) {
    this.vault = vault;
    this.store = store;
    this.builtIn = builtIn;
  }

  /** The chosen model's name per task (tasks without one use the built-in reader). */
  public Map<TextTask, String> chosen() {
    Map<TextTask, String> out = new EnumMap<>(TextTask.class);
    vault.documents().get(DOCUMENT).ifPresent(json -> {
      try {
        Map<String, String> raw = Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        raw.forEach((task, model) -> out.put(TextTask.fromCode(task), model));
      } catch (JsonProcessingException e) {
        throw new AutonomyFailure("the vault's document " + DOCUMENT + " cannot be read: " + e.getOriginalMessage(), e);
      }
    });
    return out;
  }

  /**
   * Uses the saved model {@code name} for {@code task} from now on, after checking it loads and its
   * labels fit the task; returns the model.
   */
  public TextModel use(TextTask task, String name) {
    TextModel m = store.get().load(name);
    task.requireFits(name, m.labels());
    Map<TextTask, String> next = chosen();
    next.put(task, name);
    save(next);
    drop(task);
    return m;
  }

  /** Goes back to the built-in reader for {@code task}; whether a model was chosen. */
  public boolean useBuiltIn(TextTask task) {
    Map<TextTask, String> next = chosen();
    boolean had = next.remove(task) != null;
    if (had) {
      save(next);
    }
    drop(task);
    return had;
  }

  /** The person's model for {@code task}, when they chose one; empty: use the built-in reader. */
  public Optional<String> modelFor(TextTask task) {
    return Optional.ofNullable(chosen().get(task));
  }

  /** Reads {@code text} with the person's model for {@code task}; empty when none is chosen. */
  public Optional<Reading> read(TextTask task, String text) {
    return reader(task).map(r -> r.apply(text));
  }

  /**
   * The person's model for {@code task}, loaded, as a reader of texts; empty when none is chosen.
   * The choice is read once here: reading many texts (a day's notes) goes through one reader.
   */
  public Optional<Function<String, Reading>> reader(TextTask task) {
    Optional<String> name = modelFor(task);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Loaded l = loaded.get(task);
    if (l == null || !l.name().equals(name.get())) {
      drop(task);
      l = load(task, name.get());
      loaded.put(task, l);
    }
    Loaded chosen = l;
    return Optional.of(text -> new Reading(chosen.name(), chosen.model().classify(chosen.encoder(), text)));
  }

  private Loaded load(TextTask task, String name) {
    ModelStore s = store.get();
    TextModel m = s.load(name);
    task.requireFits(name, m.labels());
    if (TunedModels.isTuned(m)) {
      return new Loaded(name, m, TunedModels.open(s, m), true);
    }
    return new Loaded(name, m, builtIn.get().get(m.encoder()), false);
  }

  private void save(Map<TextTask, String> choice) {
    Map<String, String> raw = new TreeMap<>();
    choice.forEach((t, n) -> raw.put(t.code(), n));
    try {
      vault.documents().put(DOCUMENT, Json.mapper().writeValueAsString(raw));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot store the text model choice: " + e.getOriginalMessage(), e);
    }
  }

  private void drop(TextTask task) {
    Loaded l = loaded.remove(task);
    if (l != null && l.owned()) {
      l.encoder().close();
    }
  }

  @Override
  public void close() {
    for (TextTask t : TextTask.values()) {
      drop(t);
    }
  }
}
