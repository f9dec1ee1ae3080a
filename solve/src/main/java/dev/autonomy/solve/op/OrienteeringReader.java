package dev.autonomy.solve.op;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Tsiligirides and Chao orienteering files: a first line {@code Tmax P} (budget, number
 * of paths, which must be 1), then one line {@code x y score} per point; the first point is the
 * start and the second the end.
 */
public final class OrienteeringReader {
  private OrienteeringReader() {}

  public static OrienteeringInstance read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
    return read(file.toString(), name, text);
  }

  public static OrienteeringInstance read(String source, String name, String text) {
    String[] lines = text.split("\\R");
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      throw InvalidInputException.at(source, 1, "Tmax", "the file is empty");
    }
    String[] header = lines[first].trim().split("\\s+");
    if (header.length != 2) {
      throw InvalidInputException.at(source, first + 1, "Tmax P", "expected 'Tmax P', found '" + lines[first].trim() + "'");
    }
    double tmax = number(source, first + 1, "Tmax", header[0]);
    if (tmax < 0) {
      throw InvalidInputException.at(source, first + 1, "Tmax", "must be >= 0, was " + header[0]);
    }
    double paths = number(source, first + 1, "P", header[1]);
    if (paths != 1) {
      throw InvalidInputException.at(source, first + 1, "P", "only single-path instances (P = 1) are supported, was " + header[1]);
    }
    List<double[]> points = new ArrayList<>();
    for (int i = first + 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 3) {
        throw InvalidInputException.at(source, i + 1, "x y score", "expected 3 numbers, found '" + line + "'");
      }
      double score = number(source, i + 1, "score", parts[2]);
      if (score < 0) {
        throw InvalidInputException.at(source, i + 1, "score", "must be >= 0, was " + parts[2]);
      }
      points.add(new double[] {number(source, i + 1, "x", parts[0]), number(source, i + 1, "y", parts[1]), score});
    }
    if (points.size() < 2) {
      throw InvalidInputException.at(source, lines.length, "points", "need at least a start and an end, found " + points.size());
    }
    int n = points.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] prize = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = points.get(i)[0];
      y[i] = points.get(i)[1];
      prize[i] = points.get(i)[2];
    }
    return new OrienteeringInstance(name, x, y, prize, tmax);
  }

  private static double number(String source, int line, String field, String token) {
    try {
      double value = Double.parseDouble(token);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidInputException.at(source, line, field, "expected a number, found '" + token + "'");
  }
}
