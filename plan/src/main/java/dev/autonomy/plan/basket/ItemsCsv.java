package dev.autonomy.plan.basket;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads items from a CSV with the header {@code name,price,desire,utility,max_qty}, with Commons CSV
 * as RFC 4180 has it (a name holding a comma is quoted). Blank lines and lines starting with
 * {@code #} are skipped.
 */
public final class ItemsCsv {
  static final String HEADER = "name,price,desire,utility,max_qty";
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setCommentMarker('#').get();

  private ItemsCsv() {}

  public static List<Item> read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such items file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads from {@code in}; {@code source} names it in error messages. */
  public static List<Item> read(Reader in, String source) throws IOException {
    List<Item> items = new ArrayList<>();
    boolean header = false;
    long end = 0;
    try (CSVParser parser = FORMAT.parse(in)) {
      for (CSVRecord record : parser) {
        end = parser.getCurrentLineNumber();
        long number = startLine(end, record);
        List<String> f = record.toList();
        String first = f.get(0).strip();
        if ((f.size() == 1 && first.isEmpty()) || first.startsWith("#")) {
          continue;
        }
        if (!header) {
          String text = String.join(",", f);
          if (!text.replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw InvalidInputException.at(source, number, null, "expected the header '" + HEADER + "', found '" + text.strip() + "'");
          }
          header = true;
          continue;
        }
        items.add(item(f, source, number));
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException invalid) {
        throw InvalidInputException.at(source, end + 1, null, "not valid CSV: " + invalid.getMessage());
      }
      throw e.getCause();
    }
    if (!header) {
      throw InvalidInputException.at(source, 0, null, "empty; expected the header '" + HEADER + "' and at least one item");
    }
    if (items.isEmpty()) {
      throw InvalidInputException.at(source, end, null, "no items after the header");
    }
    return List.copyOf(items);
  }

  private static Item item(List<String> f, String source, long number) {
    if (f.size() != 5) {
      throw InvalidInputException.at(source, number, null, "expected 5 comma-separated fields (" + HEADER + "), found " + f.size());
    }
    String name = f.get(0).strip();
    if (name.isEmpty()) {
      throw InvalidInputException.at(source, number, "name", "must not be empty");
    }
    double price = number(f.get(1), source, number, "price");
    if (!(price > 0)) {
      throw InvalidInputException.at(source, number, "price", "must be > 0, was " + f.get(1).strip());
    }
    DesireType desire;
    try {
      desire = DesireType.fromCode(f.get(2));
    } catch (InvalidInputException e) {
      throw InvalidInputException.at(source, number, "desire", e.getMessage());
    }
    double utility = number(f.get(3), source, number, "utility");
    if (utility < 0) {
      throw InvalidInputException.at(source, number, "utility", "must be >= 0, was " + f.get(3).strip());
    }
    int maxQty;
    try {
      maxQty = Integer.parseInt(f.get(4).strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(source, number, "max_qty", "expected a whole number, was '" + f.get(4).strip() + "'");
    }
    if (maxQty < 1) {
      throw InvalidInputException.at(source, number, "max_qty", "must be >= 1, was " + maxQty);
    }
    return new Item(name, price, desire, utility, maxQty);
  }

  /** The line a record started on, given its last: the line breaks inside its quoted fields are the lines between. */
  private static long startLine(long lastLine, CSVRecord record) {
    long breaks = 0;
    for (String value : record) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
          breaks++;
        }
      }
    }
    return lastLine - breaks;
  }

  private static double number(String text, String source, long line, String field) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(source, line, field, "expected a number, was '" + text.strip() + "'");
    }
  }
}
