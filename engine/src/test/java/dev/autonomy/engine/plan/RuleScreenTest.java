package dev.autonomy.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.rule.RuleParser;
import dev.autonomy.plan.basket.Item;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Place;
import dev.autonomy.plan.map.PlaceCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleScreenTest {
  static final LatLon AT = new LatLon(43.73, 7.42);
  static final Place MUSEUM = new Place("node/1", "Musée océanographique", true, PlaceCategory.MUSEUM, AT);
  static final Place PARK = new Place("way/2", "Jardin exotique", true, PlaceCategory.GARDEN, AT);
  static final Place CAFE = new Place("node/3", "unnamed cafe", false, PlaceCategory.CAFE, AT);
  static final Place VIEW = new Place("node/4", "Belvédère", true, PlaceCategory.VIEWPOINT, AT);
  // A Saturday.
  static final Situation SATURDAY = new Situation(ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneId.of("Europe/Monaco")), Map.of());

  static RuleScreen screen(String... rules) {
    List<PersonRule> parsed = new java.util.ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      parsed.add(new PersonRule("r" + (i + 1), rules[i], Instant.EPOCH));
    }
    return new RuleScreen(RuleParser.parseAll(parsed), SATURDAY);
  }

  @Test
  void neverWord_removesPlacesOfThatCategory_andNamesTheRule() {
    Map<String, RuleScreen.Removal> removed = screen("never museum").removedPlaces(List.of(MUSEUM, PARK, CAFE, VIEW));
    assertThat(removed).containsOnlyKeys("node/1");
    assertThat(removed.get("node/1").rule().id()).isEqualTo("r1");
    assertThat(removed.get("node/1").toString()).startsWith("rule r1 \"never museum\": ").contains("museum");
  }

  @Test
  void noIndoor_removesMuseumsAndCafes_butOnlyOnTheDaysItNames() {
    assertThat(screen("no indoor").removedPlaces(List.of(MUSEUM, PARK, CAFE, VIEW))).containsOnlyKeys("node/1", "node/3");
    assertThat(screen("no indoor on weekdays").removedPlaces(List.of(MUSEUM, PARK, CAFE, VIEW))).isEmpty();
    assertThat(screen("no outdoor on weekends").removedPlaces(List.of(MUSEUM, PARK, CAFE, VIEW)))
        .containsOnlyKeys("way/2", "node/4");
  }

  @Test
  void noRules_removeNothing() {
    assertThat(screen().removedPlaces(List.of(MUSEUM, PARK, CAFE, VIEW))).isEmpty();
  }

  @Test
  void items_areJudgedAsPurchases() {
    List<Item> items = List.of(new Item("Running shoes", 90, DesireType.MOVE, 5, 1),
        new Item("Red wine", 12, DesireType.BUY, 1, 2), new Item("Book", 15, DesireType.EXPLORE, 2, 3));
    RuleScreen.Allowed<Item> allowed = screen("never wine", "max cost 50").items(items);
    assertThat(allowed.kept()).extracting(Item::name).containsExactly("Book");
    assertThat(allowed.removed()).containsOnlyKeys("Running shoes", "Red wine");
    assertThat(allowed.removed().get("Running shoes")).contains("r2", "max cost 50");
    assertThat(allowed.removed().get("Red wine")).contains("r1", "never wine");
  }

  @Test
  void placeAsOption_usesTheCategoryAsActivity_andAValidId() {
    var option = RuleScreen.asOption(new Place("way/123", "Parc", true, PlaceCategory.PARK, AT));
    assertThat(option.id()).isEqualTo("place-way-123");
    assertThat(option.activity()).isEqualTo("park");
    assertThat(option.minutes()).isEqualTo(PlaceCategory.PARK.visitMinutes());
    assertThat(option.desire()).isEqualTo(DesireType.REST); // a park serves rest 0.7 > move 0.6 > explore 0.3
  }
}
