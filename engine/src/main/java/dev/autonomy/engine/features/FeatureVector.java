package dev.autonomy.engine.features;

import dev.autonomy.core.Requires;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Named inputs in a fixed order, with what each means in plain words (used in explanations) and
 * how old the data behind each is. Immutable.
 *
 * @param names feature names, unique
 * @param values one finite value per name; a missing feature ({@link DataAge#isMissing}) keeps the
 *     fallback value it was built with, which a model must not read as a measurement
 * @param meanings plain words per name, for the day described; names without one mean themselves
 * @param age the day described and the newest data behind each dated feature ({@link
 *     DataAge#UNDATED} for a vector made by hand)
 */
public record FeatureVector(List<String> names, List<Double> values, Map<String, String> meanings, DataAge age) {
  public FeatureVector {
    names = List.copyOf(names);
    values = List.copyOf(values);
    meanings = Map.copyOf(meanings);
    Requires.nonNull(age, "age");
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(
          "names and values must have the same size, were " + names.size() + " and " + values.size());
    }
    if (new java.util.HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("feature names must be unique, were " + names);
    }
    for (int i = 0; i < values.size(); i++) {
      Requires.finite(values.get(i), "feature " + names.get(i));
    }
    for (String dated : age.byFeature().keySet()) {
      if (!names.contains(dated)) {
        throw new IllegalArgumentException("age: dated feature '" + dated + "' is not among the names " + names);
      }
    }
  }

  /** An undated vector: nothing in it is stale or missing. */
  public FeatureVector(List<String> names, List<Double> values, Map<String, String> meanings) {
    this(names, values, meanings, DataAge.UNDATED);
  }

  /** A vector from ordered name-value pairs without meanings. */
  public static FeatureVector of(Map<String, Double> ordered) {
    return new FeatureVector(new ArrayList<>(ordered.keySet()), new ArrayList<>(ordered.values()), Map.of());
  }

  public int size() {
    return names.size();
  }

  public OptionalDouble value(String name) {
    int i = names.indexOf(name);
    return i < 0 ? OptionalDouble.empty() : OptionalDouble.of(values.get(i));
  }

  public String meaning(String name) {
    return meanings.getOrDefault(name, name);
  }

  /** Name to value, in order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), values.get(i));
    }
    return m;
  }

  /** Whether the feature's data is older than what it describes (the model leaves it out). */
  public boolean isMissing(String name) {
    return age.isMissing(name);
  }

  /**
   * A copy with one value replaced or appended; the value given is taken as it is, so that feature
   * is no longer dated (nor missing).
   */
  public FeatureVector with(String name, double value, String meaning) {
    List<String> n = new ArrayList<>(names);
    List<Double> v = new ArrayList<>(values);
    int i = n.indexOf(name);
    if (i < 0) {
      n.add(name);
      v.add(value);
    } else {
      v.set(i, value);
    }
    Map<String, String> m = new HashMap<>(meanings);
    if (meaning != null) {
      m.put(name, meaning);
    }
    Map<String, DataAge.Newest> dated = new HashMap<>(age.byFeature());
    dated.remove(name);
    return new FeatureVector(n, v, m, new DataAge(age.day(), dated));
  }
}
