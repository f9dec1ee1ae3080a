package dev.autonomy.plan.basket;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads items from a CSV with the header {@code name,price,desire,utility,max_qty}. Blank lines and
 * lines starting with {@code #} are skipped; names may not contain commas.
 */
public final class ItemsCsv {
  static final String HEADER = "name,price,desire,utility,max_qty";

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
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<Item> items = new ArrayList<>();
    boolean header = false;
    int number = 0;
    for (String line; (line = lines.readLine()) != null; ) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!text.replace(" ", "").equalsIgnoreCase(HEADER)) {
          throw InvalidInputException.at(source, number, null, "expected the header '" + HEADER + "', found '" + text + "'");
        }
        header = true;
        continue;
      }
      String[] f = text.split(",", -1);
      if (f.length != 5) {
        throw InvalidInputException.at(source, number, null, "expected 5 comma-separated fields (" + HEADER + "), found " + f.length);
      }
      String name = f[0].strip();
      if (name.isEmpty()) {
        throw InvalidInputException.at(source, number, "name", "must not be empty");
      }
      double price = number(f[1], source, number, "price");
      if (!(price > 0)) {
        throw InvalidInputException.at(source, number, "price", "must be > 0, was " + f[1].strip());
      }
      DesireType desire;
      try {
        desire = DesireType.fromCode(f[2]);
      } catch (InvalidInputException e) {
        throw InvalidInputException.at(source, number, "desire", e.getMessage());
      }
      double utility = number(f[3], source, number, "utility");
      if (utility < 0) {
        throw InvalidInputException.at(source, number, "utility", "must be >= 0, was " + f[3].strip());
      }
      int maxQty;
      try {
        maxQty = Integer.parseInt(f[4].strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.at(source, number, "max_qty", "expected a whole number, was '" + f[4].strip() + "'");
      }
      if (maxQty < 1) {
        throw InvalidInputException.at(source, number, "max_qty", "must be >= 1, was " + maxQty);
      }
      items.add(new Item(name, price, desire, utility, maxQty));
    }
    if (!header) {
      throw InvalidInputException.at(source, 0, null, "empty; expected the header '" + HEADER + "' and at least one item");
    }
    if (items.isEmpty()) {
      throw InvalidInputException.at(source, number, null, "no items after the header");
    }
    return List.copyOf(items);
  }

  private static double number(String text, String source, int line, String field) {
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
