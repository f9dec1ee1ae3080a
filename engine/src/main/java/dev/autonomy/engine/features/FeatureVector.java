package dev.autonomy.engine.features;

import dev.autonomy.core.Requires;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Named inputs in a fixed order, with what each means in plain words (used in explanations).
 * Immutable.
 *
 * @param names feature names, unique
 * @param values one finite value per name
 * @param meanings plain words per name; names without one mean themselves
 */
public record FeatureVector(List<String> names, List<Double> values, Map<String, String> meanings) {
  public FeatureVector {
    names = List.copyOf(names);
    values = List.copyOf(values);
    meanings = Map.copyOf(meanings);
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

  /** A copy with one value replaced or appended. */
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
    return new FeatureVector(n, v, m);
  }
}
