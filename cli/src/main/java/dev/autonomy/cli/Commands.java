package dev.autonomy.cli;

import dev.autonomy.cli.data.BackupCommand;
import dev.autonomy.cli.data.CheckCommand;
import dev.autonomy.cli.data.ExportCommand;
import dev.autonomy.cli.data.ForgetCommand;
import dev.autonomy.cli.data.ImportCommand;
import dev.autonomy.cli.data.LogCommand;
import dev.autonomy.cli.data.OptionsCommand;
import dev.autonomy.cli.data.QualityCommand;
import dev.autonomy.cli.data.SourcesCommand;
import dev.autonomy.cli.demo.DemoCommand;
import dev.autonomy.cli.desire.DesiresCommand;
import dev.autonomy.cli.desire.GoalsCommand;
import dev.autonomy.cli.plan.PlanCommand;
import dev.autonomy.cli.plan.PlanWeekCommand;
import dev.autonomy.cli.policy.PolicyCommand;
import dev.autonomy.cli.recommend.AskCommand;
import dev.autonomy.cli.recommend.AuditCommand;
import dev.autonomy.cli.recommend.FeedbackCommand;
import dev.autonomy.cli.recommend.RecommendCommand;
import dev.autonomy.cli.recommend.WhyCommand;
import dev.autonomy.cli.rule.RuleCommand;
import dev.autonomy.cli.serve.ServeCommand;
import dev.autonomy.cli.solve.SolveCommand;
import dev.autonomy.cli.text.TextCommand;
import dev.autonomy.cli.text.WatchCommand;
import picocli.CommandLine;

/** The explicit registry of subcommands; each feature package owns its command classes. */
final class Commands {
  private Commands() {}

  static void register(CommandLine cli) {
    cli.addSubcommand(new ImportCommand());
    cli.addSubcommand(new QualityCommand());
    cli.addSubcommand(new SourcesCommand());
    cli.addSubcommand(new DesiresCommand());
    cli.addSubcommand(new GoalsCommand());
    cli.addSubcommand(new RecommendCommand());
    cli.addSubcommand(new WhyCommand());
    cli.addSubcommand(new AuditCommand());
    cli.addSubcommand(new FeedbackCommand());
    cli.addSubcommand(new AskCommand());
    cli.addSubcommand(new RuleCommand());
    cli.addSubcommand(new PolicyCommand());
    cli.addSubcommand(new dev.autonomy.cli.access.AppCommand());
    cli.addSubcommand(new dev.autonomy.cli.access.AccessCommand());
    cli.addSubcommand(new OptionsCommand());
    cli.addSubcommand(new LogCommand());
    cli.addSubcommand(new ExportCommand());
    cli.addSubcommand(new ForgetCommand());
    cli.addSubcommand(new CheckCommand());
    cli.addSubcommand(new BackupCommand());
    cli.addSubcommand(new dev.autonomy.cli.passphrase.PassphraseCommand());
    cli.addSubcommand(new ServeCommand());
    cli.addSubcommand(new dev.autonomy.cli.federate.FederateCommand());
    cli.addSubcommand(new dev.autonomy.cli.federate.PrivacyCommand());
    cli.addSubcommand(new DemoCommand());
    cli.addSubcommand(new SolveCommand());
    cli.addSubcommand(new PlanCommand());
    // The week plan needs the engine (desires, options, rules), so it is wired here, beside the map planners.
    cli.getSubcommands().get("plan").addSubcommand(new PlanWeekCommand());
    cli.addSubcommand(new TextCommand());
    cli.addSubcommand(new WatchCommand());
  }
}
