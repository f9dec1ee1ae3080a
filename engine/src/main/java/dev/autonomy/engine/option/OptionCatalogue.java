package dev.autonomy.engine.option;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.ingest.lines.CsvRecords;
import dev.autonomy.ingest.lines.LineReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The options Autonomy can propose: a built-in catalogue for health and everyday life, extended or
 * overridden by the person's own file. Immutable; {@link #with(Collection)} returns a new one.
 */
public final class OptionCatalogue {
  /** Columns of a person's option file, in this order. */
  public static final List<String> COLUMNS =
      List.of("id", "name", "desire", "place", "minutes", "effort", "cost", "activity", "tags");

  private final Map<String, Option> byId;

  private OptionCatalogue(Map<String, Option> byId) {
    this.byId = Map.copyOf(byId);
    this.ordered = List.copyOf(byId.values());
  }

  private final List<Option> ordered;

  public static OptionCatalogue of(Collection<Option> options) {
    Map<String, Option> map = new LinkedHashMap<>();
    for (Option o : options) {
      map.put(o.id(), o);
    }
    return new OptionCatalogue(map);
  }

  /** The built-in catalogue: at least two options for every desire, indoors and out. */
  public static OptionCatalogue builtIn() {
    return of(
        List.of(
            option("gym-strength", "Gym strength session", DesireType.MOVE, Place.INDOOR, 60, 7, 8, "strength", "gym"),
            option("home-yoga", "Yoga at home", DesireType.MOVE, Place.INDOOR, 30, 3, 0, "yoga", "home", "calm"),
            option("swim", "Swim at the pool", DesireType.MOVE, Place.INDOOR, 45, 6, 6, "swim", "water", "pool"),
            option("home-hiit", "Short HIIT workout at home", DesireType.MOVE, Place.INDOOR, 20, 8, 0, "hiit", "home"),
            option("indoor-climbing", "Bouldering at the climbing gym", DesireType.MOVE, Place.INDOOR, 90, 7, 15, "climb", "social"),
            option("park-run", "Run in the park", DesireType.MOVE, Place.OUTDOOR, 35, 7, 0, "run", "park"),
            option("cycling", "Bike ride", DesireType.MOVE, Place.OUTDOOR, 60, 6, 0, "cycle", "bike"),
            option("brisk-walk", "Brisk walk", DesireType.MOVE, Place.OUTDOOR, 30, 3, 0, "walk"),
            option("rest-day", "Rest day: no training", DesireType.REST, Place.ANY, 0, 0, 0, "rest"),
            option("early-night", "Early night, screens off at 22:00", DesireType.REST, Place.INDOOR, 30, 0, 0, "sleep", "home"),
            option("stretching", "Gentle stretching", DesireType.REST, Place.INDOOR, 15, 1, 0, "stretch", "home", "calm"),
            option("quiet-reading", "Read somewhere quiet", DesireType.REST, Place.ANY, 45, 0, 0, "read", "quiet", "calm"),
            option("museum", "Visit a museum", DesireType.EXPLORE, Place.INDOOR, 120, 2, 12, "museum", "culture"),
            option("new-cafe", "Try a new café", DesireType.EXPLORE, Place.INDOOR, 45, 0, 6, "cafe", "food"),
            option("new-trail-hike", "Hike a trail you have not done", DesireType.EXPLORE, Place.OUTDOOR, 150, 5, 0, "hike", "nature"),
            option("neighbourhood-walk", "Walk a neighbourhood you don't know", DesireType.EXPLORE, Place.OUTDOOR, 60, 2, 0, "walk", "city"),
            option("healthy-groceries", "Stock up on healthy groceries", DesireType.BUY, Place.ANY, 40, 1, 35, "shop", "food"),
            option("running-shoes", "Replace worn running shoes", DesireType.BUY, Place.ANY, 30, 0, 90, "shop", "gear"),
            option("new-book", "Buy a book you've wanted", DesireType.BUY, Place.ANY, 10, 0, 15, "shop", "book"),
            option("no-spend-day", "No-spend day", DesireType.SAVE, Place.ANY, 0, 0, 0, "save"),
            option("cook-at-home", "Cook at home instead of eating out", DesireType.SAVE, Place.INDOOR, 45, 1, 6, "cook", "food", "home"),
            option("review-subscriptions", "Review and cancel unused subscriptions", DesireType.SAVE, Place.INDOOR, 20, 0, 0, "admin", "money")));
  }

  private static Option option(
      String id, String name, DesireType desire, Place place, int minutes, double effort, double cost, String activity, String... tags) {
    return new Option(id, name, desire, place, minutes, effort, cost, activity, Set.of(tags));
  }

  public List<Option> all() {
    return ordered;
  }

  public Optional<Option> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return ordered.size();
  }

  /** This catalogue plus {@code extra}; an extra option with an existing id replaces it. */
  public OptionCatalogue with(Collection<Option> extra) {
    Map<String, Option> map = new LinkedHashMap<>(byId.size() + extra.size());
    for (Option o : ordered) {
      map.put(o.id(), o);
    }
    for (Option o : extra) {
      map.put(o.id(), o);
    }
    return new OptionCatalogue(map);
  }

  /**
   * Reads a person's option file: CSV (RFC 4180, read by Commons CSV: a name holding a comma is
   * quoted) with the header {@link #COLUMNS} (tags separated by ';'). Every bad value is reported
   * with file, line and column.
   */
  public static List<Option> readCsv(Path file) throws IOException {
    List<Option> out = new ArrayList<>();
    try (CsvRecords csv = CsvRecords.open(file, LineReader.DEFAULT_MAX_LINE_CHARS)) {
      String name = csv.file();
      CSVRecord header = csv.next();
      if (header == null) {
        throw InvalidInputException.at(name, 1, "", "empty file; expected a header " + String.join(",", COLUMNS));
      }
      List<String> columns = header.stream().map(String::trim).toList();
      for (String required : COLUMNS.subList(0, 7)) {
        if (!columns.contains(required)) {
          throw InvalidInputException.at(name, csv.line(), required, "missing column; header must have " + String.join(",", COLUMNS));
        }
      }
      for (CSVRecord cells = csv.next(); cells != null; cells = csv.next()) {
        if (cells.size() != columns.size()) {
          throw InvalidInputException.at(name, csv.line(), "", "expected " + columns.size() + " values, found " + cells.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
          row.put(columns.get(i), cells.get(i).trim());
        }
        out.add(parseRow(name, csv.line(), row));
      }
    }
    return out;
  }

  private static Option parseRow(String file, long line, Map<String, String> row) {
    String field = "id";
    try {
      String id = row.get("id");
      field = "desire";
      DesireType desire = DesireType.fromCode(row.get("desire"));
      field = "place";
      Place place = Place.fromCode(row.get("place"));
      field = "minutes";
      int minutes = Integer.parseInt(row.get("minutes"));
      field = "effort";
      double effort = Double.parseDouble(row.get("effort"));
      field = "cost";
      double cost = Double.parseDouble(row.get("cost"));
      field = "tags";
      Set<String> tags =
          Arrays.stream(row.getOrDefault("tags", "").split(";")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
      field = "row";
      return new Option(id, row.get("name"), desire, place, minutes, effort, cost, row.getOrDefault("activity", ""), tags);
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(file, line, field, "not a number: " + e.getMessage());
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw InvalidInputException.at(file, line, field, e.getMessage());
    }
  }
}
