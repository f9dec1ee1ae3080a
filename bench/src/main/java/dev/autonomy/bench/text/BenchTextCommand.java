package dev.autonomy.bench.text;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench text}: CLINC150, PhraseBank and CrossWOZ against fastText, and encoder speed. */
@Command(
    name = "text",
    mixinStandardHelpOptions = true,
    description = "Transformer embeddings + logistic/MLP heads against fastText on CLINC150 (val), Financial PhraseBank"
        + " (5-fold CV) and CrossWOZ domains (seeded split); encoder latency and batch throughput. Prints markdown tables.")
public final class BenchTextCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Shared data folder (default: ../shared/data beside the repository).")
  Path data;

  @Option(names = "--cache", defaultValue = "target/text-cache", paramLabel = "DIR",
      description = "Embeddings cached here between runs (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(names = "--seed", defaultValue = "42", description = "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--heads", split = ",", defaultValue = "logreg,mlp", paramLabel = "HEAD", description = "(default: ${DEFAULT-VALUE}).")
  List<String> heads;

  @Option(names = "--features", split = ",", defaultValue = "embedding,embedding+ngrams", paramLabel = "FEATURES",
      description = "Some of embedding, embedding+ngrams (hashed word 1-2-grams beside the embedding),"
          + " embedding+ngrams+chars (also character 3-5-grams) (default: ${DEFAULT-VALUE}).")
  List<String> features;

  @Option(names = "--encoders-en", split = ",", defaultValue = "all-minilm-l6-v2-q", paramLabel = "ENCODER",
      description = "English encoders for CLINC150 and PhraseBank, each its own rows: all-minilm-l6-v2-q,"
          + " bge-small-en-v15-q (default: ${DEFAULT-VALUE}).")
  List<String> englishEncoders;

  @Option(names = "--parts", split = ",", defaultValue = "clinc150,phrasebank,crosswoz,latency", paramLabel = "PART",
      description = "(default: ${DEFAULT-VALUE}).")
  List<String> parts;

  @Option(names = "--fasttext", defaultValue = "/usr/bin/fasttext", paramLabel = "BIN", description = "(default: ${DEFAULT-VALUE}).")
  Path fastText;

  @Option(names = "--latency-runs", defaultValue = "200", paramLabel = "N", description = "(default: ${DEFAULT-VALUE}).")
  int latencyRuns;

  @Override
  public Integer call() {
    Path dir = data != null ? data : SharedData.root().orElseThrow(() -> BenchCli.noSharedData(""));
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("--data: no such folder " + dir.toAbsolutePath().normalize());
    }
    if (latencyRuns < 1) {
      throw new InvalidInputException("--latency-runs must be >= 1, was " + latencyRuns);
    }
    PrintWriter err = spec.commandLine().getErr();
    TextBenchmark.Settings settings =
        new TextBenchmark.Settings(dir, cache, seed, heads, features, new LinkedHashSet<>(parts), fastText, latencyRuns, englishEncoders);
    TextBenchmark.Report report = new TextBenchmark(settings, InstantSource.system(), line -> {
      err.println(line);
      err.flush();
    }).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.markdown());
    out.flush();
    return 0;
  }
}
