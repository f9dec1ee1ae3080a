package dev.autonomy.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.option.OptionCatalogue;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleParserTest {
  private static final OptionCatalogue CATALOGUE = OptionCatalogue.builtIn();
  private static final Situation MONDAY = new Situation(ZonedDateTime.parse("2026-11-30T18:00:00+01:00[Europe/Paris]"), Map.of());
  private static final Situation SATURDAY = new Situation(ZonedDateTime.parse("2026-11-28T10:00:00+01:00[Europe/Paris]"), Map.of());

  private static Constraint rule(String text) {
    return RuleParser.parse(new PersonRule("r1", text, Instant.EPOCH));
  }

  private static Option option(String id) {
    return CATALOGUE.find(id).orElseThrow();
  }

  @Test
  void never_matchesActivityNameAndInflections() {
    assertThat(rule("never swim").violation(option("swim"), MONDAY)).isPresent();
    assertThat(rule("Never swimming").violation(option("swim"), MONDAY)).isPresent();
    assertThat(rule("never swim").violation(option("park-run"), MONDAY)).isEmpty();
    assertThat(rule("never gym").violation(option("gym-strength"), MONDAY)).isPresent();
  }

  @Test
  void maxMinutesOnWeekdays_appliesOnlyOnWeekdays() {
    Constraint c = rule("max 45 minutes on weekdays");
    assertThat(c.violation(option("gym-strength"), MONDAY)).get().asString().contains("60 min");
    assertThat(c.violation(option("gym-strength"), SATURDAY)).isEmpty();
    assertThat(c.violation(option("park-run"), MONDAY)).isEmpty();
  }

  @Test
  void costEffortAndPlaceRules() {
    assertThat(rule("max cost 10").violation(option("museum"), MONDAY)).isPresent();
    assertThat(rule("max 20 euros").violation(option("new-book"), MONDAY)).isEmpty();
    assertThat(rule("max effort 5").violation(option("home-hiit"), MONDAY)).isPresent();
    Constraint rain = rule("no outdoor when weather=rain");
    Situation rainy = new Situation(MONDAY.at(), Map.of("weather", "rain"));
    assertThat(rain.violation(option("park-run"), rainy)).isPresent();
    assertThat(rain.violation(option("park-run"), MONDAY)).isEmpty();
    assertThat(rule("no outdoor on weekends").violation(option("cycling"), SATURDAY)).isPresent();
  }

  @Test
  void unknownRule_isRefusedWithTheFormsUnderstood() {
    assertThatThrownBy(() -> rule("be nice to me"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("be nice to me")
        .hasMessageContaining("max N minutes");
    assertThatThrownBy(() -> rule("max 30 minutes on holidays")).hasMessageContaining("holidays");
  }
}
