package dev.autonomy.solve.tsp;

import dev.autonomy.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads TSPLIB 95 files: symmetric {@code TYPE: TSP} instances with EUC_2D, CEIL_2D, GEO or ATT
 * coordinates, or EXPLICIT matrices (FULL_MATRIX, UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW,
 * LOWER_DIAG_ROW); and {@code .opt.tour} files. Every problem is reported as an {@link
 * InvalidInputException} naming the file and line.
 */
public final class TsplibReader {
  static final int MAX_DIMENSION = 1_000_000;
  static final int MAX_EXPLICIT = 5_000;
  private TsplibReader() {}

  public static TspInstance read(Path file) {
    return read(file.toString(), readAll(file));
  }

  /** Reads an instance from text; {@code source} names it in error messages. */
  public static TspInstance read(String source, String text) {
    return new InstanceParser(source, lines(text)).parse();
  }

  /** Reads the TOUR_SECTION of a tour file as 0-based cities. */
  static int[] readTour(Path file) {
    return readTour(file.toString(), readAll(file));
  }

  static int[] readTour(String source, String text) {
    List<String> lines = lines(text);
    List<Integer> cities = new ArrayList<>();
    boolean inSection = false;
    int dimension = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (!inSection) {
        String key = keyOf(line);
        if (key.equals("TOUR_SECTION")) {
          inSection = true;
        } else if (key.equals("DIMENSION")) {
          dimension = parseInt(source, i + 1, "DIMENSION", valueOf(line));
        }
        continue;
      }
      for (String token : line.split("\\s+")) {
        if (token.equals("-1") || token.equals("EOF")) {
          return checkTour(source, i + 1, cities, dimension);
        }
        cities.add(parseInt(source, i + 1, "TOUR_SECTION", token) - 1);
      }
    }
    if (!inSection) {
      throw InvalidInputException.at(source, lines.size(), "TOUR_SECTION", "missing");
    }
    return checkTour(source, lines.size(), cities, dimension);
  }

  private static int[] checkTour(String source, int line, List<Integer> cities, int dimension) {
    if (dimension >= 0 && cities.size() != dimension) {
      throw InvalidInputException.at(
          source, line, "TOUR_SECTION", "expected " + dimension + " cities, found " + cities.size());
    }
    return cities.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String readAll(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static List<String> lines(String text) {
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String keyOf(String line) {
    int colon = line.indexOf(':');
    String key = colon >= 0 ? line.substring(0, colon) : line.split("\\s+")[0];
    return key.trim().toUpperCase(Locale.ROOT);
  }

  static String valueOf(String line) {
    int colon = line.indexOf(':');
    if (colon >= 0) {
      return line.substring(colon + 1).trim();
    }
    String[] parts = line.trim().split("\\s+", 2);
    return parts.length > 1 ? parts[1].trim() : "";
  }

  static int parseInt(String source, int line, String field, String token) {
    try {
      return Integer.parseInt(token.trim());
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(source, line, field, "expected an integer, found '" + token + "'");
    }
  }

  static double parseDouble(String source, int line, String field, String token) {
    try {
      double value = Double.parseDouble(token.trim());
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(source, line, field, "expected a number, found '" + token + "'");
    }
  }

  /** One pass over an instance file's lines. */
  private static final class InstanceParser {
    private final String source;
    private final List<String> lines;
    private int index;
    private String name;
    private int dimension = -1;
    private int dimensionLine;
    private EdgeWeightType type;
    private String format;
    private double[] x;
    private double[] y;
    private int[] matrix;

    InstanceParser(String source, List<String> lines) {
      this.source = source;
      this.lines = lines;
    }

    TspInstance parse() {
      while (index < lines.size()) {
        String line = lines.get(index).trim();
        int lineNo = ++index;
        if (line.isEmpty()) {
          continue;
        }
        String key = keyOf(line);
        switch (key) {
          case "NAME" -> name = valueOf(line);
          case "COMMENT", "DISPLAY_DATA_TYPE", "NODE_COORD_TYPE" -> { }
          case "TYPE" -> {
            String value = valueOf(line).toUpperCase(Locale.ROOT);
            // A few files annotate the type, e.g. si175's "TSP (M.~Hofmeister)".
            if (!value.equals("TSP") && !value.startsWith("TSP ")) {
              throw InvalidInputException.at(source, lineNo, "TYPE", "expected TSP, found '" + valueOf(line) + "'");
            }
          }
          case "DIMENSION" -> {
            dimension = parseInt(source, lineNo, "DIMENSION", valueOf(line));
            dimensionLine = lineNo;
            if (dimension < 1 || dimension > MAX_DIMENSION) {
              throw InvalidInputException.at(
                  source, lineNo, "DIMENSION", "must be in 1.." + MAX_DIMENSION + ", was " + dimension);
            }
          }
          case "EDGE_WEIGHT_TYPE" -> {
            String value = valueOf(line).toUpperCase(Locale.ROOT);
            try {
              type = EdgeWeightType.valueOf(value);
            } catch (IllegalArgumentException e) {
              throw InvalidInputException.at(
                  source, lineNo, "EDGE_WEIGHT_TYPE",
                  "unsupported '" + valueOf(line) + "' (expected EUC_2D, CEIL_2D, GEO, ATT or EXPLICIT)");
            }
          }
          case "EDGE_WEIGHT_FORMAT" -> format = valueOf(line).toUpperCase(Locale.ROOT);
          case "NODE_COORD_SECTION" -> readCoordinates(lineNo);
          case "EDGE_WEIGHT_SECTION" -> readMatrix(lineNo);
          case "DISPLAY_DATA_SECTION" -> skipSection();
          case "FIXED_EDGES_SECTION" -> throw InvalidInputException.at(
              source, lineNo, key, "fixed edges are not supported (the tour could not honour them)");
          case "EOF" -> index = lines.size();
          default -> throw InvalidInputException.at(source, lineNo, key, "unknown keyword");
        }
      }
      return build();
    }

    private void requireHeader(int lineNo, String section) {
      if (dimension < 0) {
        throw InvalidInputException.at(source, lineNo, section, "DIMENSION must come before " + section);
      }
      if (type == null) {
        throw InvalidInputException.at(source, lineNo, section, "EDGE_WEIGHT_TYPE must come before " + section);
      }
    }

    private void readCoordinates(int sectionLine) {
      requireHeader(sectionLine, "NODE_COORD_SECTION");
      x = new double[dimension];
      y = new double[dimension];
      boolean[] seen = new boolean[dimension];
      int count = 0;
      while (index < lines.size()) {
        String line = lines.get(index).trim();
        if (line.isEmpty()) {
          index++;
          continue;
        }
        if (!Character.isDigit(line.charAt(0)) && line.charAt(0) != '-' && line.charAt(0) != '+') {
          break; // next keyword
        }
        int lineNo = ++index;
        String[] parts = line.split("\\s+");
        if (parts.length < 3) {
          throw InvalidInputException.at(
              source, lineNo, "NODE_COORD_SECTION", "expected 'number x y', found '" + line + "'");
        }
        int node = parseInt(source, lineNo, "NODE_COORD_SECTION", parts[0]);
        if (node < 1 || node > dimension) {
          throw InvalidInputException.at(
              source, lineNo, "NODE_COORD_SECTION",
              "node " + node + " is outside 1.." + dimension + " (DIMENSION at line " + dimensionLine + ")");
        }
        if (seen[node - 1]) {
          throw InvalidInputException.at(source, lineNo, "NODE_COORD_SECTION", "node " + node + " given twice");
        }
        seen[node - 1] = true;
        x[node - 1] = parseDouble(source, lineNo, "NODE_COORD_SECTION", parts[1]);
        y[node - 1] = parseDouble(source, lineNo, "NODE_COORD_SECTION", parts[2]);
        count++;
      }
      if (count != dimension) {
        throw InvalidInputException.at(
            source, index, "NODE_COORD_SECTION",
            "DIMENSION is " + dimension + " but the section has " + count + " nodes");
      }
    }

    private void readMatrix(int sectionLine) {
      requireHeader(sectionLine, "EDGE_WEIGHT_SECTION");
      if (format == null) {
        throw InvalidInputException.at(source, sectionLine, "EDGE_WEIGHT_FORMAT", "missing");
      }
      int n = dimension;
      if (n > MAX_EXPLICIT) {
        throw InvalidInputException.at(
            source, sectionLine, "EDGE_WEIGHT_SECTION",
            "explicit matrices are read up to DIMENSION " + MAX_EXPLICIT + ", was " + n);
      }
      long expected =
          switch (format) {
            case "FULL_MATRIX" -> (long) n * n;
            case "UPPER_ROW", "LOWER_ROW" -> (long) n * (n - 1) / 2;
            case "UPPER_DIAG_ROW", "LOWER_DIAG_ROW" -> (long) n * (n + 1) / 2;
            default -> throw InvalidInputException.at(
                source, sectionLine, "EDGE_WEIGHT_FORMAT", "unsupported '" + format + "'");
          };
      int[] values = new int[(int) expected];
      int count = 0;
      while (count < expected && index < lines.size()) {
        String line = lines.get(index).trim();
        if (!line.isEmpty() && Character.isLetter(line.charAt(0))) {
          break; // the next keyword: the section ended early
        }
        int lineNo = ++index;
        if (line.isEmpty()) {
          continue;
        }
        for (String token : line.split("\\s+")) {
          if (count == expected) {
            throw InvalidInputException.at(source, lineNo, "EDGE_WEIGHT_SECTION",
                "more than the " + expected + " weights " + format + " needs for DIMENSION " + n);
          }
          values[count++] = parseInt(source, lineNo, "EDGE_WEIGHT_SECTION", token);
        }
      }
      if (count < expected) {
        throw InvalidInputException.at(source, index, "EDGE_WEIGHT_SECTION",
            "expected " + expected + " weights for " + format + " and DIMENSION " + n + ", found " + count);
      }
      matrix = new int[n * n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        switch (format) {
          case "FULL_MATRIX" -> {
            for (int j = 0; j < n; j++) {
              matrix[i * n + j] = values[k++];
            }
          }
          case "UPPER_ROW" -> {
            for (int j = i + 1; j < n; j++) {
              set(i, j, values[k++]);
            }
          }
          case "UPPER_DIAG_ROW" -> {
            for (int j = i; j < n; j++) {
              set(i, j, values[k++]);
            }
          }
          case "LOWER_ROW" -> {
            for (int j = 0; j < i; j++) {
              set(i, j, values[k++]);
            }
          }
          default -> { // LOWER_DIAG_ROW
            for (int j = 0; j <= i; j++) {
              set(i, j, values[k++]);
            }
          }
        }
      }
    }

    private void set(int i, int j, int value) {
      matrix[i * dimension + j] = value;
      matrix[j * dimension + i] = value;
    }

    private void skipSection() {
      while (index < lines.size()) {
        String line = lines.get(index).trim();
        if (!line.isEmpty() && !Character.isDigit(line.charAt(0)) && line.charAt(0) != '-') {
          return;
        }
        index++;
      }
    }

    private TspInstance build() {
      int last = lines.size();
      if (dimension < 0) {
        throw InvalidInputException.at(source, last, "DIMENSION", "missing");
      }
      if (type == null) {
        throw InvalidInputException.at(source, last, "EDGE_WEIGHT_TYPE", "missing");
      }
      String label = name == null || name.isBlank() ? source : name;
      if (type == EdgeWeightType.EXPLICIT) {
        if (matrix == null) {
          throw InvalidInputException.at(source, last, "EDGE_WEIGHT_SECTION", "missing");
        }
        try {
          return TspInstance.ofMatrix(label, dimension, matrix);
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.at(source, last, "EDGE_WEIGHT_SECTION", e.getMessage());
        }
      }
      if (x == null) {
        throw InvalidInputException.at(source, last, "NODE_COORD_SECTION", "missing");
      }
      return TspInstance.ofCoordinates(label, type, x, y);
    }
  }

  /** For callers holding a reader rather than a path. */
  public static TspInstance read(String source, Reader reader) {
    try (BufferedReader buffered = new BufferedReader(reader)) {
      StringBuilder text = new StringBuilder();
      buffered.lines().forEach(l -> text.append(l).append('\n'));
      return read(source, text.toString());
    } catch (IOException e) {
      throw new InvalidInputException(source + ": cannot read: " + e.getMessage(), e);
    }
  }
}
