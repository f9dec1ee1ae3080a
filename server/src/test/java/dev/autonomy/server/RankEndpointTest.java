package dev.autonomy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rank.ItemRanking;
import dev.autonomy.vault.AccessLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /rank}: an app's own items ranked for the person, with the person's rules, and no value of theirs. */
class RankEndpointTest {
  @TempDir static Path dir;
  static DemoServer demo;
  static int port;
  static Map<String, String> app;

  static final String ITEMS = "{\"items\":["
      + "{\"id\":\"A-17\",\"title\":\"Evening swim\",\"desire\":\"move\",\"minutes\":40,\"effort\":6,\"place\":\"indoor\"},"
      + "{\"id\":\"B-2\",\"title\":\"Trail run\",\"desire\":\"move\",\"minutes\":50,\"effort\":8,\"place\":\"outdoor\","
      + "\"tags\":[\"nature\"]},"
      + "{\"id\":\"C-9\",\"title\":\"Nap\",\"desire\":\"rest\",\"minutes\":20,\"effort\":0},"
      + "{\"id\":\"D-4\",\"title\":\"Board games night\",\"desire\":\"explore\",\"minutes\":120,\"cost\":5},"
      + "{\"id\":\"E-5\",\"title\":\"Cinema\",\"desire\":\"buy\",\"minutes\":150,\"cost\":14,\"place\":\"indoor\"}]}";

  @BeforeAll
  static void start() throws Exception {
    demo = DemoServer.start(dir);
    port = demo.server.port();
    Access.Grant grant = demo.autonomy.access().grant("shop", EnumSet.of(Scope.RANK), new SecureRandom());
    app = Map.of("Authorization", "Bearer " + grant.token());
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  static RawHttp.Reply rank(String query, String body) throws Exception {
    return RawHttp.send(port, "POST /rank" + query + " HTTP/1.1", app, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ranksTheAppsItems_withReasons_andThePersonsRulesLeaveItemsOut() throws Exception {
    var rule = demo.autonomy.addRule("never swim");
    try {
      long lists = VaultCounts.of(dir.resolve("home")).get("recommendations");
      RawHttp.Reply reply = rank("?context=place%3Dindoor,free_minutes%3D60", ITEMS);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      JsonNode json = reply.json();
      assertThat(json.get("considered").asInt()).isEqualTo(5);
      List<String> ids = new ArrayList<>();
      json.get("ranked").forEach(r -> ids.add(r.get("id").asText()));
      // The swim is forbidden by the rule; over the stated free time (hard limit): board games and cinema.
      assertThat(ids).containsExactlyInAnyOrder("B-2", "C-9");
      assertThat(json.get("leftOut")).anySatisfy(l -> {
        assertThat(l.get("id").asText()).isEqualTo("A-17");
        assertThat(l.get("reason").asText()).isEqualTo(ItemRanking.LEFT_OUT_BY_RULE);
      });
      assertThat(json.get("leftOut").toString()).doesNotContain("never swim").doesNotContain(rule.id() + "\"");
      assertThat(json.get("leftOut")).extracting(l -> l.get("id").asText()).contains("D-4", "E-5");
      JsonNode first = json.get("ranked").get(0);
      assertThat(first.get("rank").asInt()).isEqualTo(1);
      assertThat(first.at("/explanation/summary").asText()).contains("ranked 1 of 2");
      assertThat(first.at("/explanation/contributions")).isNotEmpty()
          .allSatisfy(c -> assertThat(c.get("meaning").asText()).isNotBlank());
      assertThat(first.at("/explanation/contributions").toString()).contains("serves your wish to");
      // Ranked by the same scoring as recommend, and logged nowhere but the access log.
      assertThat(VaultCounts.of(dir.resolve("home")).get("recommendations")).isEqualTo(lists);
      assertThat(demo.autonomy.access().log(1).get(0)).extracting(AccessLog.Entry::actor, AccessLog.Entry::scope,
          AccessLog.Entry::route, AccessLog.Entry::status, AccessLog.Entry::allowed, AccessLog.Entry::detail)
          .containsExactly("shop", "rank", "/rank", 200, true, "ranked 2 of the app's 5 items, 3 left out");
    } finally {
      demo.autonomy.removeRule(rule.id());
    }
  }

  @Test
  void theAnswer_carriesNoNumberFromThePersonsData() throws Exception {
    Situation situation = StatedContext.parse(List.of(), DemoServer.CLOCK);
    List<Desire> desires = demo.autonomy.desires(situation);
    assertThat(desires).isNotEmpty();
    RawHttp.Reply reply = rank("", ITEMS);
    assertThat(reply.status()).isEqualTo(200);
    // Take out what the app sent (its ids and titles), then no number may be left but positions and counts.
    String text = reply.body();
    for (String sent : List.of("A-17", "B-2", "C-9", "D-4", "E-5")) {
      text = text.replace(sent, "");
    }
    assertThat(text).doesNotContainPattern("\\d\\.\\d").doesNotContain("intensity").doesNotContain("confidence")
        .doesNotContain("propensity").doesNotContain("score").doesNotContain("weight");
    Matcher numbers = Pattern.compile("\\d+").matcher(text);
    while (numbers.find()) {
      assertThat(Integer.parseInt(numbers.group())).as("a number in " + text).isBetween(1, 5);
    }
    for (Desire d : desires) {
      for (String shown : List.of(String.format(Locale.ROOT, "%.2f", d.intensity()), Double.toString(d.intensity()))) {
        assertThat(reply.body()).doesNotContain(shown);
      }
      for (Contribution c : d.contributions()) {
        assertThat(reply.body()).doesNotContain(c.input()).doesNotContain(c.meaning());
      }
    }
  }

  @Test
  void badItems_are400NamingTheItemAndField_andTooManyAreRefused() throws Exception {
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\"},"
        + "{\"id\":\"b\",\"title\":\"Run\",\"desire\":\"fly\"}]}").detail()).startsWith("items[1].desire: unknown desire 'fly'");
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\",\"effort\":11}]}").detail())
        .isEqualTo("items[0].effort must be in 0..10, was 11.0");
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\",\"minutes\":4.5}]}").detail())
        .isEqualTo("items[0].minutes must be a whole number, was 4.5");
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\" \",\"desire\":\"move\"}]}").detail())
        .startsWith("items[0].title must be 1 to 200 characters");
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\"},"
        + "{\"id\":\"a\",\"title\":\"Run\",\"desire\":\"move\"}]}").detail()).contains("items[1].id 'a'").contains("items[0]");
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\",\"price\":3}]}").detail())
        .contains("'items[0].price' is not known");
    assertThat(rank("", "{\"items\":[]}").status()).isEqualTo(400);
    assertThat(rank("", "{\"items\":[{\"id\":\"a\",\"title\":\"Yoga\",\"desire\":\"move\"}],\"limit\":0}").detail())
        .contains("limit must be in 1..");
    StringBuilder many = new StringBuilder("{\"items\":[");
    for (int i = 0; i <= ItemRanking.MAX_ITEMS; i++) {
      many.append(i == 0 ? "" : ",").append("{\"id\":\"i").append(i).append("\",\"title\":\"Walk\",\"desire\":\"move\"}");
    }
    RawHttp.Reply tooMany = rank("", many.append("]}").toString());
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.detail()).contains("1 to " + ItemRanking.MAX_ITEMS).contains("held " + (ItemRanking.MAX_ITEMS + 1));
  }

  @Test
  void needsTheRankScope() throws Exception {
    Access.Grant coach = demo.autonomy.access().grant("coach-no-rank", EnumSet.complementOf(EnumSet.of(Scope.RANK)),
        new SecureRandom());
    RawHttp.Reply refused = RawHttp.send(port, "POST /rank HTTP/1.1", Map.of("Authorization", "Bearer " + coach.token()),
        ITEMS.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.detail()).contains("'rank'");
  }
}
