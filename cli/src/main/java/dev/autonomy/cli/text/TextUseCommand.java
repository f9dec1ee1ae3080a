package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.text.PersonModels;
import dev.autonomy.engine.text.TextTask;
import dev.autonomy.text.classify.TextModel;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autonomy text use}: which of the person's models the engine reads notes and questions with. */
@Command(name = "use", mixinStandardHelpOptions = true,
    description = {"Read with a model you trained instead of the built-in one: 'health' for the notes' health score"
        + " (labels healthy, unhealthy), 'intent' for ask (labels: desire codes; other labels leave it to the built-in).",
        "Without arguments: what each task reads with. --built-in TASK goes back to the built-in model."})
public final class TextUseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TASK", description = "health or intent.")
  String task;

  @Parameters(index = "1", arity = "0..1", paramLabel = "MODEL", description = "A model saved by 'text train'.")
  String model;

  @Option(names = "--built-in", description = "Go back to the built-in model for TASK.")
  boolean builtIn;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      PersonModels models = autonomy.textModels();
      PrintWriter out = Session.out(spec);
      String done = null;
      if (task != null) {
        TextTask t = TextTask.fromCode(task);
        if (builtIn == (model != null)) {
          throw new InvalidInputException(
              "text use " + t.code() + ": give a MODEL, or --built-in to go back to the built-in model");
        }
        if (builtIn) {
          done = models.useBuiltIn(t) ? t.code() + " reads with the built-in model again" : t.code() + " already read"
              + " with the built-in model";
        } else {
          TextModel m = models.use(t, model);
          done = t.code() + " reads with your model '" + model + "' from now on (labels " + m.labels() + ", encoder "
              + m.encoder() + ")";
        }
      }
      Map<String, Object> view = new LinkedHashMap<>();
      for (TextTask t : TextTask.values()) {
        view.put(t.code(), models.modelFor(t).orElse("built-in"));
      }
      if (json) {
        Session.json(spec, view);
        return 0;
      }
      if (done != null) {
        out.println(done);
      }
      view.forEach((t, m) -> out.printf("%-7s %s%n", t, m));
      out.flush();
    }
    return 0;
  }
}
