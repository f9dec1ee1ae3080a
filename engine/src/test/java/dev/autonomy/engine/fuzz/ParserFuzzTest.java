package dev.autonomy.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.autonomy.core.AutonomyException;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rule.RuleParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Fuzzer text fed to the two parsers of what a person types: rules ({@code rule add TEXT}) and
 * stated context ({@code --context key=value,...}). Each parse either succeeds or throws an
 * {@link AutonomyException} (in practice {@code InvalidInputException}, which the CLI shows as the
 * person's error); any other exception is a finding. Seeds: {@code
 * src/test/resources/dev/autonomy/engine/fuzz/ParserFuzzTestInputs/<method>/}.
 */
class ParserFuzzTest {
  private static final Instant NOW = Instant.parse("2024-05-01T07:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Zurich"));

  /** The input as one rule's text (a blank text is refused before the parser, by PersonRule). */
  @FuzzTest
  void rule(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return;
    }
    try {
      RuleParser.parse(new PersonRule("fuzz", text, NOW));
    } catch (AutonomyException documented) {
      // The rule was refused with the forms that are understood.
    }
  }

  /** The input's lines as {@code --context} items, each maybe holding several comma-separated pairs. */
  @FuzzTest
  void context(byte[] data) {
    List<String> items = new String(data, StandardCharsets.UTF_8).lines().toList();
    try {
      StatedContext.parse(items, CLOCK);
    } catch (AutonomyException documented) {
      // The item was refused, naming the key, the value and what it accepts.
    }
  }
}
