package dev.autonomy.bench.text;

import dev.autonomy.text.data.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * fastText supervised (the Debian package's {@code /usr/bin/fasttext}) run on the same splits:
 * one thread and a fixed seed so runs repeat. English is lower-cased and split on non-letters;
 * Chinese is split into characters (fastText needs spaces between tokens), with word bigrams
 * either way. Settings: 25 epochs, lr 0.5, dim 100, wordNgrams 2, softmax loss.
 */
final class FastTextPeer {
  /** Predicted labels and the training time. */
  record Run(List<String> predicted, double trainSeconds) {}

  private final Path binary;
  private final long seed;

  FastTextPeer(Path binary, long seed) {
    this.binary = binary;
    this.seed = seed;
  }

  boolean available() {
    return Files.isExecutable(binary);
  }

  Run run(List<Example> train, List<Example> test) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("autonomy-fasttext");
      Path trainFile = dir.resolve("train.txt");
      Path testFile = dir.resolve("test.txt");
      List<String> lines = new ArrayList<>();
      for (Example e : train) {
        lines.add("__label__" + e.label().replace(' ', '_') + " " + tokens(e.text()));
      }
      Files.write(trainFile, lines, StandardCharsets.UTF_8);
      Files.write(testFile, test.stream().map(e -> tokens(e.text())).toList(), StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      exec(dir, List.of(binary.toString(), "supervised", "-input", trainFile.toString(), "-output", dir.resolve("model").toString(),
          "-epoch", "25", "-lr", "0.5", "-dim", "100", "-wordNgrams", "2", "-thread", "1", "-seed", Long.toString(seed), "-verbose", "0"), null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Path out = dir.resolve("predicted.txt");
      exec(dir, List.of(binary.toString(), "predict", dir.resolve("model.bin").toString(), testFile.toString()), out);
      List<String> predicted = new ArrayList<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        predicted.add(line.strip().replaceFirst("^__label__", ""));
      }
      if (predicted.size() != test.size()) {
        throw new IllegalStateException("fasttext predicted " + predicted.size() + " lines for " + test.size());
      }
      return new Run(predicted, seconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  static String tokens(String text) {
    StringBuilder b = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        b.append(' ').appendCodePoint(cp).append(' ');
      } else if (Character.isLetterOrDigit(cp)) {
        b.appendCodePoint(cp);
      } else {
        b.append(' ');
      }
    }
    String s = b.toString().trim().replaceAll("\\s+", " ");
    return s.isEmpty() ? "_" : s;
  }

  private static void exec(Path dir, List<String> command, Path stdout) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    pb.redirectOutput(stdout == null ? dir.resolve("stdout.txt").toFile() : stdout.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("fasttext did not finish in 30 minutes");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("fasttext exited " + p.exitValue() + ": " + Files.readString(dir.resolve("stderr.txt")).strip());
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
