package dev.autonomy.cli;

import picocli.CommandLine;

/** The explicit registry of subcommands; each feature package owns its command classes. */
final class Commands {
  private Commands() {}

  static void register(CommandLine cli) {
    cli.addSubcommand(new dev.autonomy.cli.data.ImportCommand());
    cli.addSubcommand(new dev.autonomy.cli.data.QualityCommand());
    cli.addSubcommand(new dev.autonomy.cli.desire.DesiresCommand());
    cli.addSubcommand(new dev.autonomy.cli.desire.GoalsCommand());
    cli.addSubcommand(new dev.autonomy.cli.recommend.RecommendCommand());
    cli.addSubcommand(new dev.autonomy.cli.recommend.WhyCommand());
    cli.addSubcommand(new dev.autonomy.cli.recommend.FeedbackCommand());
    cli.addSubcommand(new dev.autonomy.cli.recommend.AskCommand());
    cli.addSubcommand(new dev.autonomy.cli.rule.RuleCommand());
    cli.addSubcommand(new dev.autonomy.cli.data.OptionsCommand());
    cli.addSubcommand(new dev.autonomy.cli.data.ExportCommand());
    cli.addSubcommand(new dev.autonomy.cli.data.ForgetCommand());
    cli.addSubcommand(new dev.autonomy.cli.demo.DemoCommand());
    cli.addSubcommand(new dev.autonomy.cli.solve.SolveCommand());
    cli.addSubcommand(new dev.autonomy.cli.plan.PlanCommand());
    // The week plan needs the engine (desires, options, rules), so it is wired here, beside the map planners.
    cli.getSubcommands().get("plan").addSubcommand(new dev.autonomy.cli.plan.PlanWeekCommand());
    cli.addSubcommand(new dev.autonomy.cli.text.TextCommand());
    cli.addSubcommand(new dev.autonomy.cli.text.WatchCommand());
    cli.addSubcommand(new dev.autonomy.cli.bench.BenchCommand());
  }
}
