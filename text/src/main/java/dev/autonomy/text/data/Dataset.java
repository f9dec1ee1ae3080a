package dev.autonomy.text.data;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Labelled texts read from one file, by split. Formats without splits of their own give one split,
 * {@link #ALL}; CLINC150 gives {@code train}, {@code val} and {@code test} (its out-of-scope
 * sentences are folded into each with the label {@code oos}).
 */
public record Dataset(String source, Format format, Map<String, List<Example>> splits) {
  /** The one split of formats that have none. */
  public static final String ALL = "all";

  public Dataset {
    Requires.nonBlank(source, "dataset.source");
    Requires.nonNull(format, "dataset.format");
    Map<String, List<Example>> copy = new LinkedHashMap<>();
    splits.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    splits = java.util.Collections.unmodifiableMap(copy);
    if (splits.values().stream().allMatch(List::isEmpty)) {
      throw new InvalidInputException(source + ": no labelled texts found (format " + format.code() + ")");
    }
  }

  /** The examples of one split; {@link #ALL} is every example of every split. */
  public List<Example> split(String name) {
    if (name.equals(ALL) && !splits.containsKey(ALL)) {
      List<Example> all = new ArrayList<>();
      splits.values().forEach(all::addAll);
      return all;
    }
    List<Example> split = splits.get(name);
    if (split == null) {
      throw new InvalidInputException(
          source + ": no split '" + name + "'; this " + format.code() + " file has " + splits.keySet());
    }
    return split;
  }

  /** Whether the file brought its own splits (CLINC150) rather than one pool. */
  public boolean hasOwnSplits() {
    return !splits.containsKey(ALL);
  }

  /** The labels of a split, sorted. */
  public static List<String> labels(List<Example> examples) {
    TreeSet<String> labels = new TreeSet<>();
    examples.forEach(e -> labels.add(e.label()));
    return List.copyOf(labels);
  }

  /** SHA-256 of every split's texts and labels (first 16 hex digits): the model's data hash. */
  public String hash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, List<Example>> split : splits.entrySet()) {
        digest.update(split.getKey().getBytes(StandardCharsets.UTF_8));
        for (Example e : split.getValue()) {
          digest.update((byte) 0);
          digest.update(e.text().getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 1);
          digest.update(e.label().getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
