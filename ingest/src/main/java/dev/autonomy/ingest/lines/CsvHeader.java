package dev.autonomy.ingest.lines;

import dev.autonomy.core.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions by name, from a CSV header line; names compare case-insensitively. */
public final class CsvHeader {
  private final String file;
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  public CsvHeader(String file, List<String> names) {
    this.file = file;
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
  }

  /** The column's position; an error naming the file, line 1 and the column when it is missing. */
  public int require(String name) {
    int position = optional(name);
    if (position < 0) {
      throw InvalidInputException.at(
          file, 1, name, "missing column; expected a header with '" + name + "', found " + names);
    }
    return position;
  }

  /** The column's position, or -1 when it is absent. */
  public int optional(String name) {
    Integer position = index.get(name.toLowerCase(Locale.ROOT));
    return position == null ? -1 : position;
  }

  public List<String> names() {
    return names;
  }
}
