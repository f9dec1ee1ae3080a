package dev.autonomy.engine.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatedContextTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneId.of("Europe/Paris"));

  private static Situation parse(String... items) {
    return StatedContext.parse(List.of(items), CLOCK);
  }

  private static Option option(int minutes, double cost) {
    return new Option("o", "O", DesireType.EXPLORE, Place.ANY, minutes, 1, cost, "x", Set.of());
  }

  @Test
  void parse_unknownKey_isRefusedWithEveryKnownKeyInOrder() {
    for (String key : List.of("company", "colour")) {
      assertThatThrownBy(() -> parse(key + "=friends"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("context: unknown key '" + key + "'; known keys: place, weather, free_minutes, budget, limits, at, mood, quiet, activity");
    }
    assertThat(StatedContext.KEYS.keySet()).containsExactly("place", "weather", "free_minutes", "budget", "limits", "at", "mood", "quiet", "activity");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "budget=x         | context budget='x': expected money you are willing to spend, a number >= 0",
      "budget=-1        | context budget='-1': expected money",
      "budget=NaN       | context budget='NaN': expected money",
      "budget=1e400     | context budget='1e400': expected money",
      "free_minutes=40.5| context free_minutes='40.5': expected whole minutes you have, >= 0",
      "free_minutes=-5  | context free_minutes='-5': expected whole minutes",
      "limits=maybe     | context limits='maybe': expected hard or soft",
      "mood=sad         | context mood='sad': expected tired or energetic",
      "quiet=yes        | context quiet='yes': expected true or false",
      "at=tomorrow      | context at='tomorrow': expected the moment, ISO local date-time"})
  void parse_valueOfTheWrongType_isOneLineNamingKeyValueAndWhatItAccepts(String item, String message) {
    assertThatThrownBy(() -> parse(item.strip()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message.strip())
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("--");
  }

  @Test
  void parse_limitsAndMood_areKnownAndNormalised() {
    Situation s = parse("budget=20.50,free_minutes=40", "limits=SOFT,mood=Tired");
    assertThat(s.stated()).containsEntry("budget", "20.5").containsEntry("free_minutes", "40")
        .containsEntry("limits", "soft").containsEntry("mood", "tired");
    StatedLimits limits = StatedLimits.of(s);
    assertThat(limits.soft()).isTrue();
    assertThat(limits.budget()).hasValue(20.5);
    assertThat(limits.freeMinutes()).hasValue(40);
    assertThat(limits.stated()).containsExactly(Map.entry("budget", "20.5"), Map.entry("free_minutes", "40"));
  }

  @Test
  void limits_areHardByDefault_andAbsentWhenNothingIsStated() {
    assertThat(StatedLimits.of(parse("budget=20")).soft()).isFalse();
    assertThat(StatedLimits.of(parse("budget=20,limits=hard")).soft()).isFalse();
    assertThat(StatedLimits.of(parse("place=indoor"))).isEqualTo(StatedLimits.NONE);
    assertThat(StatedLimits.NONE.any()).isFalse();
  }

  @Test
  void over_saysWhichLimitAndByHowMuch_inThePersonsWords() {
    StatedLimits limits = StatedLimits.of(parse("budget=20,free_minutes=40"));
    assertThat(limits.over(option(60, 25))).containsExactly(
        Map.entry("budget", "costs 25 > budget 20"), Map.entry("free_minutes", "takes 60 min > free_minutes 40"));
    assertThat(limits.over(option(40, 20))).isEmpty(); // at the limit is within it
    assertThat(limits.overCount(option(60, 25))).isEqualTo(2);
    assertThat(limits.overCount(option(40, 20.5))).isEqualTo(1);
  }

  @Test
  void limitsOfASituationBuiltByHand_areCheckedLikeTypedOnes() {
    Situation bad = new Situation(CLOCK.instant().atZone(CLOCK.getZone()), Map.of("budget", "lots"));
    assertThatThrownBy(() -> StatedLimits.of(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("context budget='lots': expected money");
  }
}
